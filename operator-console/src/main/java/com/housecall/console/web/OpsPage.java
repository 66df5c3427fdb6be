package com.housecall.console.web;

import com.housecall.console.ConsoleProperties;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The operators' page: static files under {@code /ops/}, and where it logs in. */
@Controller
class OpsPage {

    private final ConsoleProperties properties;

    OpsPage(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** With the slash, so the page's relative links resolve under /ops/. */
    @GetMapping("/ops")
    String slash() {
        return "redirect:/ops/";
    }

    @GetMapping("/ops/")
    String index() {
        return "forward:/ops/index.html";
    }

    /** The Keycloak realm and public client of the page (authorization code with PKCE). */
    @GetMapping("/ops/config.json")
    @ResponseBody
    Map<String, String> config() {
        return Map.of("issuer", properties.browserIssuer(), "clientId", properties.clientId());
    }
}
