package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every action of Tencent's KMS API is known: the twenty-five Keyport serves, the others answer UnsupportedOperation
 * naming the action as not implemented by Keyport, and only names Tencent does not have are InvalidAction (issue 10,
 * point 13).
 */
class VendorActionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TencentServer server;
    private static TestSigner signer;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
        signer = server.signer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theTableHoldsSixtyNineDistinctActionsAndEveryOneKeyportServes() {
        assertThat(VendorActions.ALL).hasSize(69).doesNotHaveDuplicates();
        assertThat(VendorActions.ALL).containsAll(TencentActions.ALL.keySet());
        assertThat(TencentActions.ALL).hasSize(25);
    }

    @Test
    void everyActionOfTheOfficialJavaSdkIsInTheTable() {
        List<String> sdkActions = Arrays.stream(KmsClient.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].getSimpleName().equals(m.getName() + "Request"))
                .map(Method::getName).toList();
        assertThat(sdkActions).as("the SDK in the test classpath").hasSizeGreaterThan(40);
        assertThat(new HashSet<>(VendorActions.ALL)).containsAll(sdkActions);
    }

    /** Each request signed in a second of its own, so that no two share a signature (see SignatureMemory). */
    private static JsonNode errorOf(String action, int second) throws Exception {
        TestSigner.Tc3Post post = signer.tc3(action, "{}");
        post.timestamp -= second % 250;
        return JSON.readTree(signer.send(signer.sign(post)).body()).path("Response").path("Error");
    }

    @Test
    void anActionKeyportDoesNotImplementIsUnsupportedOperationNamingIt() throws Exception {
        int second = 0;
        for (String action : VendorActions.ALL) {
            if (TencentActions.ALL.containsKey(action)) {
                continue;
            }
            JsonNode error = errorOf(action, second++);
            assertThat(error.path("Code").asText()).as(action).isEqualTo("UnsupportedOperation");
            assertThat(error.path("Message").asText()).as(action).contains("`" + action + "`")
                    .contains("not implemented by Keyport");
        }
    }

    @Test
    void aNameTencentDoesNotHaveIsInvalidAction() throws Exception {
        int second = 100;
        for (String action : new String[] {"RotateEverything", "createkey", "CreateKey ", "GetKeyPolicy", ""}) {
            JsonNode error = errorOf(action, second++);
            assertThat(error.path("Code").asText()).as(action).isIn("InvalidAction", "MissingParameter");
        }
        assertThat(VendorActions.label("RotateEverything")).isEqualTo("unknown");
        assertThat(VendorActions.label("ArchiveKey")).isEqualTo("ArchiveKey");
        assertThat(VendorActions.label(null)).isEqualTo("unknown");
    }
}
