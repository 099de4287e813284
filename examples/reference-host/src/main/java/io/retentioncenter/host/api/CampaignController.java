package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignMember;
import io.retentioncenter.core.campaign.CampaignStats;
import io.retentioncenter.core.campaign.MemberStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns, their status, members and stats: {@code engine.campaigns()}. 404 for an unknown campaign
 * or lead, 409 for a change the campaign's status forbids.
 */
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

    /** Deletes a campaign that is not ACTIVE (409 when it is; a PAUSED one is ended first); it stays readable. */
    @DeleteMapping("/{id}")
    Campaign delete(@PathVariable String id) {
        return engine.campaigns().delete(id);
    }

    @GetMapping("/{id}/stats")
    CampaignStats stats(@PathVariable String id) {
        return engine.campaigns().stats(id);
    }

    /** Members, filtered by {@code status} when given, paged by {@code offset}/{@code limit}. */
    @GetMapping("/{id}/members")
    Page<CampaignMember> members(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.campaigns().members(id, q.enumValue("status", MemberStatus.class), q.page());
    }

    /** Assigns a lead by hand (409 when the campaign is over or full); answers ASSIGNED or ALREADY_ASSIGNED. */
    @PutMapping("/{id}/members/{leadId}")
    Assignment assign(@PathVariable String id, @PathVariable String leadId) {
        return engine.campaigns().assign(id, leadId);
    }

    /** Removes a member (404 when it never was one, 409 when removed already); answers the enrollments ended. */
    @DeleteMapping("/{id}/members/{leadId}")
    Removal remove(@PathVariable String id, @PathVariable String leadId) {
        return new Removal(engine.campaigns().remove(id, leadId));
    }

    /** Answer of a member removal: how many of the lead's enrollments in the campaign ended. */
    public record Removal(int endedEnrollments) {
    }
}
