package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DECISIONS 44 and 47: stock in and out, each visit's draws and waste, one running balance an operator exports. */
class ControlledSubstancesIT extends VisitScenario {

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    @Test
    void stockAndAVisitMakeTheRunningBalanceInTheCsv() throws Exception {
        String prefix = freshPrefix();
        UUID nurseId = addNurse("stock-" + prefix, prefix, "");
        String nurse = nurseToken("stock-" + prefix);
        String operator = DevJwt.token("operator1");
        String stock = "/api/nurses/" + nurseId + "/stock";
        HttpResponse<String> received = post(operator, stock,
                "{\"kind\": \"STOCK_RECEIVED\", \"lot\": \"LOT-7731\", \"amountMg\": 500}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        assertThat(json(received).get("balanceMg").decimalValue()).isEqualByComparingTo("500");

        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        CLOCK.setTo(awaitEvent(visit, SCHEDULED, VisitScheduled.class).start().toInstant().minus(Duration.ofHours(1)));
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";
        assertThat(post(nurse, path, "{\"status\": \"EN_ROUTE\"}").statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, "{\"status\": \"ARRIVED\"}").statusCode()).isEqualTo(200);
        recordReadyToInfuse(nurse, visit.visitId());
        recordReadyToComplete(nurse, visit.visitId());

        HttpResponse<String> tooMuch = post(operator, stock,
                "{\"kind\": \"STOCK_RETURNED\", \"lot\": \"LOT-7731\", \"amountMg\": 450.01}");
        assertThat(tooMuch.statusCode()).as("450 mg left after drawing 50").isEqualTo(409);
        assertThat(post(operator, stock, "{\"kind\": \"STOCK_RETURNED\", \"lot\": \"LOT-7731\", \"amountMg\": 100}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> bad = post(operator, stock, "{\"kind\": \"STOCK_RECEIVED\", \"lot\": \"=1+1\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asString()).isEqualTo("amountMg");

        HttpResponse<String> csv = get(operator, "/api/nurses/" + nurseId + "/controlled-substances.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("date,entry,visit,lot,receivedMg,returnedMg,drawnMg,administeredMg,wastedMg,"
                + "witness,balanceMg");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains("STOCK_RECEIVED", "LOT-7731,500,0,0,,,,500");
        assertThat(lines[2]).contains("VISIT," + visit.visitId() + ",LOT-7731,0,0,50,40,10,witness-rn,450");
        assertThat(lines[3]).contains("STOCK_RETURNED").endsWith(",350");

        assertThat(get(nurse, "/api/nurses/" + nurseId + "/controlled-substances.csv").statusCode()).isEqualTo(403);
        assertThat(get(operator, "/api/nurses/" + UUID.randomUUID() + "/controlled-substances.csv").statusCode())
                .isEqualTo(404);
        assertThat(post(operator, "/api/nurses/" + UUID.randomUUID() + "/stock",
                "{\"kind\": \"STOCK_RECEIVED\", \"lot\": \"L\", \"amountMg\": 1}").statusCode()).isEqualTo(404);
    }
}
