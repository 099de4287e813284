package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and their status: {@code engine.campaigns()}. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {
    private final RetentionEngine engine;

    CampaignController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<Campaign> list() {
        return engine.campaigns().list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@RequestBody CampaignRequest body) {
        return engine.campaigns().create(body.toNewCampaign());
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable String id) {
        return engine.campaigns().get(id);
    }

    @PutMapping("/{id}")
    Campaign update(@PathVariable String id, @RequestBody CampaignRequest body) {
        return engine.campaigns().update(body.applyTo(engine.campaigns().get(id)));
    }

    @PostMapping("/{id}/pause")
    Campaign pause(@PathVariable String id) {
        return engine.campaigns().pause(id);
    }

    @PostMapping("/{id}/resume")
    Campaign resume(@PathVariable String id) {
        return engine.campaigns().resume(id);
    }

    @PostMapping("/{id}/end")
    Campaign end(@PathVariable String id) {
        return engine.campaigns().end(id);
    }
}
