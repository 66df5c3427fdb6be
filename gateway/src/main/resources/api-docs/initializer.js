// Swagger UI over the services' documents; the list comes from the gateway (/api-docs/swagger-config).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    configUrl: "/api-docs/swagger-config",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
};
