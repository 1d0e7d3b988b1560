package com.skylinksync.gateway.budgetview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shared Retail Express budget as every participant reports it on the compacted {@code skylink.re.budget} topic:
 * each window's limit and what the live participants spent of it, and each participant's share (its grants).
 */
@RestController
@Tag(name = "budget")
class BudgetController {

    private final BudgetReports reports;

    BudgetController(BudgetReports reports) {
        this.reports = reports;
    }

    @GetMapping("/ops/budget")
    @Operation(summary = "The RE API budget per window (limit, spent by the live participants, granted for the next period) and each participant's share")
    Mono<BudgetReports.Budget> budget() {
        return Mono.fromCallable(reports::read).subscribeOn(Schedulers.boundedElastic());
    }
}
