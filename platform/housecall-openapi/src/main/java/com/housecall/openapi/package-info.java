/**
 * A service's OpenAPI 3.1 document: what every route shares (the bearer scheme, problem+json errors, the public
 * server) is declared here once; a controller method names its roles with {@link com.housecall.openapi.ApiRoles}
 * or says why it needs no token with {@link com.housecall.openapi.NoToken}.
 */
@NullMarked
package com.housecall.openapi;

import org.jspecify.annotations.NullMarked;
