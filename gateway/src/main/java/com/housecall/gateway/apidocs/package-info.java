/** The API documents at {@code /api-docs}: Swagger UI over the services' OpenAPI documents, and the AsyncAPI one. */
@NullMarked
package com.housecall.gateway.apidocs;

import org.jspecify.annotations.NullMarked;
