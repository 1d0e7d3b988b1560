package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An operator settles an acknowledgement parked because ChangeSetProcessed was sent and its outcome is unknown (README,
 * "Acknowledgements"): after checking RE, either RE has it, or it is sent once more.
 */
@RestController
@Tag(name = "change sets")
class ParkedAcknowledgementController {

    private static final int MAX_ID = 64;

    private final Acknowledgements acknowledgements;

    ParkedAcknowledgementController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    /** @param receivedByRetailExpress true: RE shows the change set as processed; false: it does not, send it again */
    record Resolution(Boolean receivedByRetailExpress) {
    }

    record Resolved(String changeSetId, String status) {
    }

    @PostMapping("/ops/changesets/{id}/acknowledgement")
    @Operation(summary = "Settle a parked acknowledgement (status ACKNOWLEDGEMENT_PARKED): receivedByRetailExpress=true "
            + "records it as acknowledged, false sends ChangeSetProcessed once more")
    Mono<Resolved> resolve(@PathVariable String id, @RequestBody(required = false) Resolution resolution) {
        if (resolution == null || resolution.receivedByRetailExpress() == null) {
            return Mono.error(new ProblemException(Problem.of("invalid-resolution", "Bad Request", 400,
                    "Say whether Retail Express has the change set: {\"receivedByRetailExpress\": true|false}")));
        }
        if (id.length() > MAX_ID) {
            return Mono.error(notParked(id.substring(0, MAX_ID) + "…"));
        }
        return acknowledgements.resolveParked(id, resolution.receivedByRetailExpress())
                .map(status -> new Resolved(id, status))
                .switchIfEmpty(Mono.error(() -> notParked(id)));
    }

    private static ProblemException notParked(String id) {
        return new ProblemException(Problem.of("acknowledgement-not-parked", "Conflict", 409,
                "Change set " + id + " has no parked acknowledgement (unknown, or not ACKNOWLEDGEMENT_PARKED)"));
    }
}
