package io.retentioncenter.jdbi;

import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.lead.LeadIntake;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a bulk intake's chunks are grouped so that parallel writers never share a person. */
class ParallelIntakeTest {
    private static LeadIntake row(int i, String email, String phone) {
        return new LeadIntake(lead("lead_" + i, email, phone, T0), List.of());
    }

    private static List<List<Integer>> groups(List<LeadIntake> rows, int chunk) {
        return ParallelIntake.groups(rows, chunk, (rows.size() + chunk - 1) / chunk).stream()
                .map(g -> List.of(g[0], g[1])).toList();
    }

    @Test
    void chunksSharingNoPersonAreGroupsOfTheirOwn() {
        List<LeadIntake> rows = List.of(row(0, "a@x.com", null), row(1, "b@x.com", null), row(2, "c@x.com", null),
                row(3, "d@x.com", null), row(4, "e@x.com", "+4915100000001"));

        assertThat(groups(rows, 2)).containsExactly(List.of(0, 1), List.of(1, 2), List.of(2, 3));
    }

    @Test
    void aChunkRepeatingAnEarlierChunkJoinsItAndEveryChunkBetween() {
        // chunk 3 repeats chunk 0's email, chunk 4 repeats chunk 4's own phone only
        List<LeadIntake> rows = List.of(row(0, "a@x.com", null), row(1, "b@x.com", null), row(2, "c@x.com", null),
                row(3, "a@x.com", null), row(4, "e@x.com", "+4915100000001"), row(5, "f@x.com", "+4915100000001"));

        assertThat(groups(rows, 1)).containsExactly(List.of(0, 4), List.of(4, 6));
    }

    @Test
    void aPhoneAloneLinksChunks() {
        List<LeadIntake> rows = List.of(row(0, "a@x.com", "+4915100000001"), row(1, "b@x.com", null),
                row(2, null, "+4915100000001"), row(3, "d@x.com", null));

        assertThat(groups(rows, 1)).containsExactly(List.of(0, 3), List.of(3, 4));
    }
}
