package io.retentioncenter.examples.bench;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import java.util.List;

/**
 * Which run of {@link TickBenchmark} this is on its store: 0 on a fresh one, {@code k} after
 * {@code k} earlier runs on a kept one. A run's people (emails and phones) are its own, so every run
 * on a kept store ingests, routes and ticks new people, as a run on a fresh store does.
 *
 * @param number how many runs came before on this store
 */
record BenchRun(int number) {
    /** The run on a fresh store. */
    static final BenchRun FIRST = new BenchRun(0);

    /**
     * Starts a run on {@code engine}'s store: ends every campaign earlier runs left running (their
     * enrollments still due exit, and no lead of this run routes to them), and counts the earlier runs
     * by the campaigns named {@value BenchmarkWorld#CAMPAIGN} they created.
     *
     * @throws ConfigurationException when the store has had more runs than there are area codes
     */
    static BenchRun start(RetentionEngine engine) {
        List<Campaign> earlier = engine.campaigns().list();
        earlier.stream().filter(c -> c.status() != CampaignStatus.ENDED).forEach(c -> engine.campaigns().end(c.id()));
        int number = (int) earlier.stream().filter(c -> c.name().equals(BenchmarkWorld.CAMPAIGN)).count();
        if (number >= BenchmarkWorld.AREA_CODES.size()) {
            throw new ConfigurationException("the kept store has had " + number + " runs, as many as there are"
                    + " distinct phone areas; drop its schema and load it again");
        }
        return new BenchRun(number);
    }

    /** Person {@code i}'s email: {@code <local><i>@example.com}, tagged with the run after the first. */
    String email(String local, int i) {
        return local + i + (number == 0 ? "" : "_r" + number) + "@example.com";
    }

    /** Person {@code i}'s phone (below eight million), in this run's own area code. */
    String phone(int i) {
        return BenchmarkWorld.phone(number, i);
    }
}
