package com.housecall.dispatch.nurse;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.security.TokenChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo nurses are local-stack data: never seeded under the production profile, nor when switched off. */
class DemoRosterProfileTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DemoRoster.class);

    @Test
    void productionHasNoDemoRoster() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles(TokenChecks.PRODUCTION))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoRoster.class));
    }

    @Test
    void demoRosterFalseHasNone() {
        runner.withPropertyValues("housecall.dispatch.demo-roster=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoRoster.class));
    }

    @Test
    void otherwiseTheRosterIsWantedAndNeedsTheDatabase() {
        // no database in this context: the roster's wish for one shows it would be seeded
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("JdbcClient"));
    }
}
