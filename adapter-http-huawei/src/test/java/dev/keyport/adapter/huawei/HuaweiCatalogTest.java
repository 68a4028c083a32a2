package dev.keyport.adapter.huawei;

import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.KmsMeta;
import com.huaweicloud.sdk.kms.v2.model.CreateGrantRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateGrantRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKmsTagsRequest;
import io.vertx.core.http.HttpMethod;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of Huawei's KMS API is known: the 20 Keyport serves work, the 55 others answer that Keyport does
 * not implement them (400 {@code KEYPORT.0001}, after authentication), and only a path of no operation is 404.
 */
class HuaweiCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVED = Set.of("create-key", "describe-key", "list-keys",
            "get-parameters-for-import", "import-key-material", "delete-imported-key-material", "enable-key",
            "disable-key", "schedule-key-deletion", "cancel-key-deletion", "encrypt-data", "decrypt-data",
            "create-datakey", "create-datakey-without-plaintext", "encrypt-datakey", "decrypt-datakey", "gen-random",
            "re-encrypt", "update-key-alias", "update-key-description");
    private static HuaweiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCatalogHasTheVendorsSeventyFiveOperationsAndServesTwenty() {
        assertThat(HuaweiCatalog.ALL).hasSize(75);
        assertThat(HuaweiCatalog.ALL.stream().map(HuaweiCatalog.Route::sdkMethod).collect(Collectors.toSet()))
                .hasSize(75);
        assertThat(HuaweiCatalog.ALL.stream().filter(HuaweiCatalog.Route::implemented)
                .map(HuaweiCatalog.Route::label)).containsExactlyInAnyOrderElementsOf(SERVED);
        assertThat(HuaweiCatalog.labels()).hasSize(76).contains("unknown")
                .allMatch(label -> label.matches("[a-z0-9-]+"));
    }

    /** The SDK on the test class path (3.1.143) describes 58 operations; each is in the catalog, same method and URI. */
    @Test
    void everyOperationOfTheOfficialSdkIsInTheCatalogWithItsMethodAndPath() throws Exception {
        List<String> sdk = new ArrayList<>();
        for (Field field : KmsMeta.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == HttpRequestDef.class) {
                HttpRequestDef<?, ?> def = (HttpRequestDef<?, ?>) field.get(null);
                sdk.add(field.getName() + " " + def.getMethod().name() + " " + def.getUri());
            }
        }
        Set<String> catalog = HuaweiCatalog.ALL.stream()
                .map(r -> r.sdkMethod() + " " + r.method().name() + " " + r.template()).collect(Collectors.toSet());
        assertThat(sdk).hasSizeGreaterThanOrEqualTo(58);
        assertThat(catalog).containsAll(sdk);
    }

    private static String concrete(String template) {
        return template.replace("{project_id}", HuaweiServer.PROJECT).replace("{version_id}", "v1.0")
                .replace("{key_id}", "0d0466b0-e727-4d9c-b35d-f84bb474a37f").replace("{key}", "owner")
                .replace("{resource_instances}", "resource_instances").replace("{policy_id}", "p-1")
                .replace("{keystore_id}", "ks-1").replace("{access_point_id}", "ap-1");
    }

    private static HuaweiSigner.Post request(HuaweiCatalog.Route route, String path) {
        HuaweiSigner.Post post = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "x", "{}");
        post.method = route.method().name();
        post.path = path;
        if (!route.method().equals(HttpMethod.POST)) {
            post.body = "";
        }
        if (route.projectSegment() < 0) {
            post.headers.remove("x-project-id");
        }
        return post;
    }

    @Test
    void everyOperationKeyportDoesNotServeSaysSoByName() throws Exception {
        Set<String> answered = new HashSet<>();
        for (HuaweiCatalog.Route route : HuaweiCatalog.ALL) {
            if (route.implemented()) {
                continue;
            }
            String path = concrete(route.template());
            HttpResponse<String> response = HuaweiSigner.send(server.port(),
                    HuaweiSigner.sign(request(route, path), HuaweiServer.AK, HuaweiServer.SK));
            assertThat(response.statusCode()).as(route.sdkMethod() + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("error_code").asText()).isEqualTo("KEYPORT.0001");
            assertThat(error.path("error_msg").asText()).contains(route.label()).contains(route.sdkMethod())
                    .contains("not implemented by Keyport");
            answered.add(route.sdkMethod());
        }
        assertThat(answered).hasSize(55);
    }

    @Test
    void aNotImplementedOperationStillNeedsASignature() throws Exception {
        HuaweiCatalog.Route grant = HuaweiCatalog.ALL.stream().filter(r -> r.label().equals("create-grant"))
                .findFirst().orElseThrow();
        HttpResponse<String> unsigned = HuaweiSigner.send(server.port(),
                request(grant, concrete(grant.template())));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unsigned.body()).path("error_code").asText()).isEqualTo("APIGW.0301");
        HttpResponse<String> foreign = HuaweiSigner.send(server.port(), HuaweiSigner.sign(request(grant,
                concrete(grant.template()).replace(HuaweiServer.PROJECT, HuaweiServer.OTHER_PROJECT)),
                HuaweiServer.AK, HuaweiServer.SK));
        assertThat(foreign.statusCode()).as("the project is checked first").isEqualTo(403);
    }

    @Test
    void theOfficialSdkReadsTheAnswerAsAClientError() {
        KmsClient kms = server.client();
        assertError(() -> kms.createGrant(new CreateGrantRequest().withBody(new CreateGrantRequestBody()
                .withKeyId("0d0466b0-e727-4d9c-b35d-f84bb474a37f").withGranteePrincipal("someone"))), 400,
                "KEYPORT.0001");
        assertError(() -> kms.listKmsTags(new ListKmsTagsRequest()), 400, "KEYPORT.0001");
    }

    @Test
    void aKnownPathWithAnotherMethodIs405AndAPathOfNoOperationIs404() throws Exception {
        HuaweiCatalog.Route aliases = HuaweiCatalog.ALL.stream().filter(r -> r.label().equals("list-aliases"))
                .findFirst().orElseThrow();
        HuaweiSigner.Post put = request(aliases, concrete(aliases.template()));
        put.method = "PUT";
        HttpResponse<String> wrongMethod = HuaweiSigner.send(server.port(),
                HuaweiSigner.sign(put, HuaweiServer.AK, HuaweiServer.SK));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(wrongMethod.body()).path("error").path("error_code").asText()).isEqualTo("KMS.0215");
        for (String path : List.of("/v1.0/" + HuaweiServer.PROJECT + "/kms/rotate-everything",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/", "/v3/auth/tokens", "/favicon.ico", "/v9.x",
                "/v1.0/" + HuaweiServer.PROJECT + "/keystores/ks-1/explode", "/v2/" + HuaweiServer.PROJECT + "/kms",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/tags/extra/more")) {
            HuaweiSigner.Post post = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "x", "{}");
            post.path = path;
            HttpResponse<String> response = HuaweiSigner.send(server.port(),
                    HuaweiSigner.sign(post, HuaweiServer.AK, HuaweiServer.SK));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("error_code").asText()).isEqualTo("APIGW.0101");
            assertThat(error.path("request_id").asText()).isNotEmpty();
        }
    }

    @Test
    void aClientWithoutAProjectIdIsToldSo() throws Exception {
        HuaweiSigner.Post post = HuaweiSigner.post(server.port(), "%7Bproject_id%7D", "list-keys", "{}");
        post.canonicalPath = post.path;
        post.headers.remove("x-project-id");
        HttpResponse<String> response = HuaweiSigner.send(server.port(),
                HuaweiSigner.sign(post, HuaweiServer.AK, HuaweiServer.SK));
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("error_code").asText()).isEqualTo("KMS.0306");
        assertThat(error.path("error_msg").asText()).contains("withProjectId");
    }

    /** The README's table of Huawei operations is this catalog, row for row. */
    @Test
    void theReadmeListsEveryOperationWithItsStatus() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Huawei Cloud KMS v1.0"),
                readme.indexOf("## Persistence"));
        List<String> rows = section.lines().filter(line -> line.matches("\\| `[a-z0-9-]+` \\| `[A-Za-z]+` \\|.*"))
                .toList();
        List<String> expected = HuaweiCatalog.ALL.stream().map(route -> "| `" + route.label() + "` | `"
                + route.sdkMethod() + "` | " + route.method().name() + " `"
                + route.template().replace("/v1.0/{project_id}/kms/", "…/kms/") + "` | "
                + (route.implemented() ? "**served**" : "not implemented") + " |").toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void resolutionPrefersLiteralSegmentsAndChecksVersionIds() {
        assertThat(label(HttpMethod.POST, "/v1.0/p/kms/alias/associate")).isEqualTo("associate-alias");
        assertThat(label(HttpMethod.POST, "/v1.0/p/kms/k1/tags/action")).isEqualTo("batch-create-kms-tags");
        assertThat(label(HttpMethod.DELETE, "/v1.0/p/kms/k1/tags/owner")).isEqualTo("delete-tag");
        assertThat(label(HttpMethod.GET, "/v1.0/p/kms/tags")).isEqualTo("list-kms-tags");
        assertThat(label(HttpMethod.GET, "/")).isEqualTo("show-versions");
        assertThat(label(HttpMethod.GET, "/v1.0")).isEqualTo("show-version");
        assertThat(HuaweiCatalog.resolve(HttpMethod.GET, HuaweiPath.parse("/favicon.ico")))
                .isInstanceOf(HuaweiCatalog.NotFound.class);
        assertThat(HuaweiCatalog.resolve(HttpMethod.GET, HuaweiPath.parse("/v1.0/p/kms/describe-key")))
                .isInstanceOf(HuaweiCatalog.WrongMethod.class);
        assertThat(HuaweiCatalog.resolve(HttpMethod.POST, HuaweiPath.parse("/v1.0//kms/describe-key")))
                .isInstanceOf(HuaweiCatalog.NotFound.class);
    }

    private static String label(HttpMethod method, String path) {
        return ((HuaweiCatalog.Found) HuaweiCatalog.resolve(method, HuaweiPath.parse(path))).route().label();
    }
}
