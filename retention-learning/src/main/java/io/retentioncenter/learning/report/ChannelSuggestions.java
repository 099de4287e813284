package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.phrase.PhraseStat;
import java.util.List;
import java.util.Optional;

/**
 * What to write and when to send on one channel. Only significant phrases (q at or below the
 * query's significance) are listed.
 *
 * @param channel the channel
 * @param include phrases whose messages convert better than the others, best Wilson lower bound first
 * @param avoid phrases whose messages convert worse, smallest q first
 * @param bestSendTimes up to three local day × hour slots whose shrunk rate beats the channel's
 *     overall rate, best first; empty when nothing converted
 * @param draft a script drafted from the phrases to include; empty when there are none
 */
public record ChannelSuggestions(Channel channel, List<PhraseStat> include, List<PhraseStat> avoid,
        List<HeatmapCell> bestSendTimes, Optional<ScriptDraft> draft) {

    /** Validates and copies. */
    public ChannelSuggestions {
        Require.present(channel, "channel");
        include = List.copyOf(Require.present(include, "include"));
        avoid = List.copyOf(Require.present(avoid, "avoid"));
        bestSendTimes = List.copyOf(Require.present(bestSendTimes, "bestSendTimes"));
        Require.present(draft, "draft");
    }
}
