/**
 * What {@code bin/housecall} runs next to the services on a machine without Docker:
 * the Kafka broker (straight from Kafka's own main classes), a mail catcher, the token client of the local
 * Keycloak ({@link com.housecall.localstack.KeycloakTokens}) and a dev token issuer for {@code up --dev-tokens}.
 */
@NullMarked
package com.housecall.localstack;

import org.jspecify.annotations.NullMarked;
