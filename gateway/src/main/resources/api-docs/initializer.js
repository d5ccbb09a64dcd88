// Swagger UI over the four contracts, each tried through the gateway (their servers entries), signed in at
// Keycloak with the public client dapp-api-docs (authorization code with PKCE): the token stays in this page.
window.addEventListener("load", function () {
  var here = window.location.href.replace(/[#?].*$/, "");
  var ui = SwaggerUIBundle({
    urls: [
      { url: "specs/programme-service.yaml", name: "Programme service" },
      { url: "specs/risk-matrix-service.yaml", name: "Risk matrix service" },
      { url: "specs/partner-support-service.yaml", name: "Partner support service" },
      { url: "specs/gateway.yaml", name: "Gateway: case view, inbox, outcomes" }
    ],
    "urls.primaryName": "Programme service",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    oauth2RedirectUrl: new URL("oauth2-redirect.html", here).href,
    persistAuthorization: false,
    validatorUrl: null
  });
  ui.initOAuth({ clientId: "dapp-api-docs", scopes: "openid", usePkceWithAuthorizationCodeGrant: true });
  window.ui = ui;
});
