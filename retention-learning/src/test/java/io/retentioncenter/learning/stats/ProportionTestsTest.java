package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;

class ProportionTestsTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void pooledZTestMatchesTheReferenceValues() {
        PooledZTest test = PooledZTest.compute(new Proportion(120, 1000), new Proportion(150, 1000));

        assertThat(test.z()).isCloseTo(1.963050, within(TOLERANCE));
        assertThat(test.pValue()).isCloseTo(0.049640, within(TOLERANCE));
    }

    @Test
    void pooledZIsNegativeWhenTheTreatmentIsWorseAndPIsSymmetric() {
        PooledZTest test = PooledZTest.compute(new Proportion(150, 1000), new Proportion(120, 1000));

        assertThat(test.z()).isCloseTo(-1.963050, within(TOLERANCE));
        assertThat(test.pValue()).isCloseTo(0.049640, within(TOLERANCE));
    }

    @Test
    void pooledZKeepsPrecisionInTheFarTail() {
        PooledZTest test = PooledZTest.compute(new Proportion(100, 1000), new Proportion(500, 1000));

        assertThat(test.z()).isGreaterThan(18);
        assertThat(test.pValue()).isPositive().isLessThan(1e-60);
    }

    @Test
    void pooledZOnDegenerateInputReportsNoEvidence() {
        assertThat(PooledZTest.compute(new Proportion(0, 100), new Proportion(0, 50)))
                .isEqualTo(new PooledZTest(0.0, 1.0));
        assertThat(PooledZTest.compute(new Proportion(100, 100), new Proportion(50, 50)))
                .isEqualTo(new PooledZTest(0.0, 1.0));
        assertThat(PooledZTest.compute(new Proportion(0, 0), new Proportion(5, 50)))
                .isEqualTo(new PooledZTest(0.0, 1.0));
    }

    @Test
    void wilsonIntervalMatchesTheReferenceValues() {
        WilsonInterval sevenOfTwenty = WilsonInterval.of(new Proportion(7, 20));
        WilsonInterval zeroOfTen = WilsonInterval.of(new Proportion(0, 10));
        WilsonInterval twentyOfTwoHundred = WilsonInterval.of(new Proportion(20, 200));

        assertThat(sevenOfTwenty.lower()).isCloseTo(0.181192, within(TOLERANCE));
        assertThat(sevenOfTwenty.upper()).isCloseTo(0.567146, within(TOLERANCE));
        assertThat(zeroOfTen.lower()).isEqualTo(0.0);
        assertThat(zeroOfTen.upper()).isCloseTo(0.277533, within(TOLERANCE));
        assertThat(twentyOfTwoHundred.lower()).isCloseTo(0.065670, within(TOLERANCE));
        assertThat(twentyOfTwoHundred.upper()).isCloseTo(0.149406, within(TOLERANCE));
        assertThat(twentyOfTwoHundred.confidence()).isEqualTo(0.95);
    }

    @Test
    void wilsonIntervalEdgeCases() {
        WilsonInterval all = WilsonInterval.of(new Proportion(10, 10));
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(1.0 - 0.277533, within(TOLERANCE));
        assertThat(WilsonInterval.of(new Proportion(0, 0))).isEqualTo(new WilsonInterval(0.0, 1.0, 0.95));
    }

    @Test
    void wilsonIntervalWidensWithConfidence() {
        WilsonInterval at95 = WilsonInterval.of(new Proportion(7, 20));
        WilsonInterval at99 = WilsonInterval.of(new Proportion(7, 20), 0.99);

        assertThat(at99.lower()).isLessThan(at95.lower());
        assertThat(at99.upper()).isGreaterThan(at95.upper());
        assertThat(at99.confidence()).isEqualTo(0.99);
    }

    @Test
    void wilsonIntervalRejectsAConfidenceOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> WilsonInterval.of(new Proportion(1, 2), 1.0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> WilsonInterval.of(new Proportion(1, 2), Double.NaN))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void fisherExactMatchesTheTeaTastingExperiment() {
        double p = FisherExactTest.twoSidedPValue(new Proportion(3, 4), new Proportion(1, 4));

        assertThat(p).isCloseTo(0.4857142857, within(1e-9));
    }

    @Test
    void fisherExactMatchesTheTextbookDietingTable() {
        // men 1 of 10 dieting, women 11 of 14 dieting: two-sided p = 0.0027594562
        double p = FisherExactTest.twoSidedPValue(new Proportion(1, 10), new Proportion(11, 14));

        assertThat(p).isCloseTo(0.0027594562, within(1e-9));
        assertThat(FisherExactTest.twoSidedPValue(new Proportion(11, 14), new Proportion(1, 10)))
                .isCloseTo(p, within(1e-12));
    }

    @Test
    void fisherExactOnDegenerateTablesIsOne() {
        assertThat(FisherExactTest.twoSidedPValue(new Proportion(0, 0), new Proportion(0, 0))).isEqualTo(1.0);
        assertThat(FisherExactTest.twoSidedPValue(new Proportion(0, 5), new Proportion(0, 7))).isEqualTo(1.0);
        assertThat(FisherExactTest.twoSidedPValue(new Proportion(5, 5), new Proportion(7, 7))).isEqualTo(1.0);
        assertThat(FisherExactTest.twoSidedPValue(new Proportion(0, 0), new Proportion(3, 7))).isEqualTo(1.0);
    }

    @Test
    void chooserUsesFisherForSmallExpectedCellsAndZOtherwise() {
        ProportionTest small = ProportionTest.compare(new Proportion(3, 4), new Proportion(1, 4));
        ProportionTest large = ProportionTest.compare(new Proportion(120, 1000), new Proportion(150, 1000));
        ProportionTest rare = ProportionTest.compare(new Proportion(1, 1000), new Proportion(4, 1000));

        assertThat(small.method()).isEqualTo(TestMethod.FISHER_EXACT);
        assertThat(small.pValue()).isCloseTo(0.4857142857, within(1e-9));
        assertThat(large.method()).isEqualTo(TestMethod.POOLED_Z);
        assertThat(large.pValue()).isCloseTo(0.049640, within(TOLERANCE));
        assertThat(rare.method()).isEqualTo(TestMethod.FISHER_EXACT);
    }

    @Test
    void chooserOnAnEmptyArmIsFisherWithPOne() {
        ProportionTest test = ProportionTest.compare(new Proportion(0, 0), new Proportion(40, 100));

        assertThat(test).isEqualTo(new ProportionTest(TestMethod.FISHER_EXACT, 1.0));
    }

    @Test
    void proportionRejectsImpossibleCountsNamingTheField() {
        assertThatThrownBy(() -> new Proportion(5, 4))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("successes");
        assertThatThrownBy(() -> new Proportion(0, -1))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("trials");
        assertThat(new Proportion(0, 0).rate()).isEqualTo(0.0);
    }

    @Test
    void testsRejectMissingArms() {
        assertThatThrownBy(() -> PooledZTest.compute(null, new Proportion(1, 2)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("control");
        assertThatThrownBy(() -> ProportionTest.compare(new Proportion(1, 2), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("treatment");
    }
}
