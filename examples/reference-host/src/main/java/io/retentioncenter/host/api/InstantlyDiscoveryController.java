package io.retentioncenter.host.api;

import io.retentioncenter.channels.instantly.InstantlyAccount;
import io.retentioncenter.channels.instantly.InstantlyCampaign;
import io.retentioncenter.channels.instantly.InstantlyEmailProvider;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.host.config.HostChannels;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery on the Instantly workspace (what a campaign's {@code instantly.campaignId} setting
 * takes, and which accounts send): calls on the EMAIL provider itself, not on the engine. 404
 * {@code not_configured} when EMAIL is not served by Instantly; 502 when Instantly refuses or is
 * unreachable.
 */
@RestController
@RequestMapping("/api/providers/instantly")
public class InstantlyDiscoveryController {
    private final HostChannels channels;

    InstantlyDiscoveryController(HostChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/campaigns")
    List<InstantlyCampaign> campaigns() {
        return instantly().campaigns();
    }

    @GetMapping("/accounts")
    List<InstantlyAccount> accounts() {
        return instantly().sendingAccounts();
    }

    private InstantlyEmailProvider instantly() {
        if (channels.of(Channel.EMAIL) instanceof InstantlyEmailProvider instantly) {
            return instantly;
        }
        throw new ConfigurationException("EMAIL is not served by Instantly: set retention.instantly.api-key");
    }
}
