package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * The dashboard is served at / with its scripts and its chart library (a webjar, named without its version), all
 * without a token: they hold no data; the data they read is guarded like any other read.
 */
class DashboardPageTest extends ProjectionServiceTest {

    @Test
    void thePageItsModulesAndTheChartLibraryAreServedWithoutAToken() {
        ApiClient.Answer page = anonymous("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<script type=\"module\" src=\"/dashboard/dashboard.js\">",
                "/webjars/uplot/dist/uPlot.min.css", "<table id=\"companies\">");

        for (String module : new String[] {"dashboard.js", "api.js", "chart.js", "format.js"}) {
            ApiClient.Answer script = anonymous("/dashboard/" + module);
            assertThat(script.status()).as(module).isEqualTo(200);
            assertThat(script.contentType()).as(module).contains("javascript");
        }
        ApiClient.Answer chartLibrary = anonymous("/webjars/uplot/dist/uPlot.esm.js");
        assertThat(chartLibrary.status()).isEqualTo(200);
        assertThat(chartLibrary.text()).contains("export { uPlot as default }");
        assertThat(anonymous("/webjars/uplot/dist/uPlot.min.css").status()).isEqualTo(200);
    }

    @Test
    void theDataStaysGuardedAndNoPageLeaksItsUrlAsAReferrer() throws Exception {
        assertProblem(anonymous("/api/v1/regimes"), 401, "UNAUTHENTICATED", null);
        assertThat(anonymous("/dashboard/nothing.js").status()).isEqualTo(404);
        HttpHeaders headers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.discarding()).headers();
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    private ApiClient.Answer anonymous(String path) {
        return client.send("GET", uri(path), null, null, null);
    }
}
