package io.retentioncenter.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsThePrefixAndThirtyTwoHexDigits() {
        assertThat(Ids.next("lead")).matches("lead_[0-9a-f]{32}");
        assertThat(Ids.next("att", 0L)).matches("att_0{12}[0-9a-f]{20}");
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnes() {
        long at = 1_764_000_000_000L;
        for (int i = 0; i < 1_000; i++) {
            assertThat(Ids.next("enr", at + 1)).isGreaterThan(Ids.next("enr", at));
        }
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.next("exe", 1_764_000_000_000L));
        }
        assertThat(ids).hasSize(100_000);
    }
}
