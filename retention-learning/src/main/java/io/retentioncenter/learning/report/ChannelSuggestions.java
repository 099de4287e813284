package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import java.util.List;

/**
 * What is associated with conversion on one channel, as candidates for a randomised test rather
 * than instructions: the phrase findings (q at or below the query's significance) whose messages
 * converted better or worse, and the send slots with the highest shrunk rate. No script is drafted:
 * phrases are tested one by one on observational data, and a draft assembled from them would read as
 * an instruction the data cannot support; put a candidate into an A/B test instead.
 *
 * @param channel the channel
 * @param higher findings whose messages converted better than the others, best Wilson lower bound first
 * @param lower findings whose messages converted worse, smallest q first
 * @param highestSlots up to three local day × hour slots whose shrunk rate beats the channel's
 *     overall rate, best first, each with its counts; empty when nothing converted
 */
public record ChannelSuggestions(Channel channel, List<PhraseFinding> higher, List<PhraseFinding> lower,
        List<HeatmapCell> highestSlots) {

    /** Validates and copies. */
    public ChannelSuggestions {
        Require.present(channel, "channel");
        higher = List.copyOf(Require.present(higher, "higher"));
        lower = List.copyOf(Require.present(lower, "lower"));
        highestSlots = List.copyOf(Require.present(highestSlots, "highestSlots"));
    }
}
