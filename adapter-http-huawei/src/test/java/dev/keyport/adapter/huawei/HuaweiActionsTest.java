package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyNotFoundException;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A handler parses its body, calls one use case and shapes the result: here against a hand-written stub of
 * {@link Keyport}, with no store and no application service behind it.
 */
class HuaweiActionsTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final KeyId KEY = KeyId.of("0d0466b0-e727-4d9c-b35d-f84bb474a37f");
    private static final KeyView PENDING_DELETE = new KeyView(KEY, KeyScope.of("tenant-a", "cn-north-4"),
            Alias.of("stubbed"), Description.of("from a stub"), KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL,
            KeyState.PENDING_DELETE, Instant.ofEpochMilli(1_700_000_000_123L), Optional.empty(),
            Optional.of(Instant.ofEpochMilli(1_800_000_000_456L)));

    /** A stub whose describe-key answers {@link #PENDING_DELETE} for {@link #KEY} and records what it was asked. */
    private static final class DescribingStub extends StubKeyport {

        final List<DescribeKeyCommand> asked = new CopyOnWriteArrayList<>();

        @Override
        public KeyView describeKey(DescribeKeyCommand command) {
            asked.add(command);
            if (!command.keyId().equals(KEY)) {
                throw new KeyNotFoundException(command.keyId());
            }
            return PENDING_DELETE;
        }
    }

    @Test
    void describeKeyRunsAgainstAStubbedUseCase() throws Exception {
        DescribingStub stub = new DescribingStub();
        Caller caller = new Caller(KeyScope.of("tenant-a", "cn-north-4"), "AK", "request-1", HuaweiApi.POLICY);
        HuaweiCredential credential = new HuaweiCredential(TenantId.of("tenant-a"), "AK", Secret.of("SK"),
                "domain-1", Map.of("p1", Region.of("cn-north-4")));
        JsonNode body = JSON.readTree("{\"key_id\":\"" + KEY.value() + "\"}");

        Object answer = HuaweiActions.ALL.get("describe-key").run(JSON, body,
                new HuaweiActions.Context(stub, caller, credential));

        assertThat(stub.asked).containsExactly(new DescribeKeyCommand(caller, KEY));
        assertThat(answer).isEqualTo(new Responses.DescribeKey(new Responses.KeyDetails(KEY.value(), "domain-1",
                "stubbed", "cn-north-4", "AES_256", "ENCRYPT_DECRYPT", "from a stub", "1700000000123",
                "1800000000456", "4", "0", "1", "", "external", "false", "0", "0")));
    }

    @Test
    void theApiServesAStubbedKeyportOverHttp() throws Exception {
        DescribingStub stub = new DescribingStub();
        try (HuaweiServer server = new HuaweiServer(stub, HuaweiApiConfig.defaults(), System::nanoTime)) {
            HttpResponse<String> found = HuaweiProtocolTest.signedPost(server, "describe-key",
                    "{\"key_id\":\"" + KEY.value() + "\"}");
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode info = JSON.readTree(found.body()).path("key_info");
            assertThat(info.path("key_state").asText()).isEqualTo("4");
            assertThat(info.path("key_description").asText()).isEqualTo("from a stub");
            assertThat(info.path("scheduled_deletion_date").asText()).isEqualTo("1800000000456");
            assertThat(info.path("domain_id").asText()).isEqualTo(HuaweiServer.DOMAIN);

            HttpResponse<String> missing = HuaweiProtocolTest.signedPost(server, "describe-key",
                    "{\"key_id\":\"1d0466b0-e727-4d9c-b35d-f84bb474a37f\"}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).path("error").path("error_code").asText())
                    .isEqualTo("KMS.0207");
        }
        assertThat(stub.asked).hasSize(2).allSatisfy(command -> {
            assertThat(command.caller().scope()).isEqualTo(KeyScope.of("tenant-a", "cn-north-4"));
            assertThat(command.caller().credentialId()).isEqualTo(HuaweiServer.AK);
            assertThat(command.caller().policy()).isEqualTo(LifecyclePolicy.HUAWEI);
        });
    }
}
