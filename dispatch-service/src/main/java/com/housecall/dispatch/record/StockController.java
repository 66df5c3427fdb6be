package com.housecall.dispatch.record;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators record a nurse's controlled substance stock and export the nurse's log (DECISIONS 44, 47). */
@RestController
class StockController {

    static final String CSV_HEADER = "date,entry,visit,lot,receivedMg,returnedMg,drawnMg,administeredMg,wastedMg,"
            + "witness,balanceMg";

    private final ControlledSubstances substances;

    StockController(ControlledSubstances substances) {
        this.substances = substances;
    }

    @Operation(summary = "Record stock a nurse received or returned", description = """
            `{"kind": "STOCK_RECEIVED" | "STOCK_RETURNED", "lot", "amountMg"}`; answers the entry with the nurse's \
            balance after it. A return beyond the balance is 409.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "201", description = "The entry and the balance after it")
    @PostMapping("/api/nurses/{id}/stock")
    ResponseEntity<ControlledSubstances.StockEntry> stock(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                          @RequestBody ControlledSubstances.StockForm form) {
        Caller caller = Caller.of(jwt);
        return ResponseEntity.status(201).body(substances.stock(PathIds.uuid(id), form,
                caller.username() != null ? caller.username() : caller.subject()));
    }

    @Operation(summary = "A nurse's controlled substance log as CSV", description = """
            Oldest first: stock received and returned, and one line per visit (lots, mg drawn, administered, \
            wasted, witness), each with the running balance in mg (21 CFR 1304).""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "text/csv")
    @GetMapping(value = "/api/nurses/{id}/controlled-substances.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String id) {
        List<ControlledSubstances.Line> lines = substances.log(PathIds.uuid(id));
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        BigDecimal balance = BigDecimal.ZERO;
        for (ControlledSubstances.Line line : lines) {
            balance = balance.add(line.change());
            csv.append(String.join(",", line.at().toString(), line.entry(),
                    line.visitId() == null ? "" : line.visitId().toString(), cell(line.lot()),
                    mg(line.receivedMg()), mg(line.returnedMg()), mg(line.drawnMg()), mg(line.administeredMg()),
                    mg(line.wastedMg()), cell(line.witness()), mg(balance))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"controlled-substances.csv\"")
                .body(csv.toString());
    }

    private static String mg(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it. */
    static String cell(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
