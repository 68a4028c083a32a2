package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.adapter.huawei.HuaweiCredential;
import dev.keyport.adapter.tencent.TencentCredential;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialDirectoryTest {

    @Test
    void mapsEachVendorsCredentialToItsTenant() {
        TenantId tenant = TenantId.of("acme");
        CredentialDirectory directory = new CredentialDirectory()
                .add(new TencentCredential(tenant, "AKIDacme", Secret.of("tencent-secret"), 1250000000L, 100L))
                .add(new HuaweiCredential(tenant, "HWAKACME", Secret.of("huawei-secret"), "domain-1",
                        Map.of("0a1b2c3d4e5f60718293a4b5c6d7e8f9", Region.of("cn-north-4"))));

        assertThat(directory.tencent().find("AKIDacme")).hasValueSatisfying(c -> {
            assertThat(c.tenant()).isEqualTo(tenant);
            assertThat(c.secretKey().reveal()).isEqualTo("tencent-secret");
        });
        assertThat(directory.tencent().find("AKIDother")).isEmpty();
        assertThat(directory.huawei().find("HWAKACME")).hasValueSatisfying(c -> {
            assertThat(c.regionOf("0a1b2c3d4e5f60718293a4b5c6d7e8f9")).contains(Region.of("cn-north-4"));
            assertThat(c.regionOf("another-project")).isEmpty();
        });
        assertThatThrownBy(() -> directory.add(new TencentCredential(tenant, "AKIDacme", Secret.of("x"), 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withinATenantAProjectHasOneRegionAndARegionOneProject() {
        TenantId tenant = TenantId.of("acme");
        CredentialDirectory directory = new CredentialDirectory().add(new HuaweiCredential(tenant, "AK1",
                Secret.of("s"), "d", Map.of("p1", Region.of("cn-north-4"))));
        assertThatThrownBy(() -> directory.add(new HuaweiCredential(tenant, "AK2", Secret.of("s"), "d",
                Map.of("p1", Region.of("cn-east-3"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.add(new HuaweiCredential(tenant, "AK3", Secret.of("s"), "d",
                Map.of("p2", Region.of("cn-north-4"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HuaweiCredential(tenant, "AK4", Secret.of("s"), "d",
                Map.of("p3", Region.of("cn-east-3"), "p4", Region.of("cn-east-3"))))
                .isInstanceOf(IllegalArgumentException.class);
        directory.add(new HuaweiCredential(tenant, "AK5", Secret.of("s"), "d", Map.of("p1", Region.of("cn-north-4"))));
        directory.add(new HuaweiCredential(TenantId.of("other"), "AK6", Secret.of("s"), "d",
                Map.of("p9", Region.of("cn-north-4"))));
    }

    @Test
    void secretsNeverPrint() {
        TencentCredential credential = new TencentCredential(TenantId.of("t"), "AKID", Secret.of("s3cr3t-value"),
                1, 2);
        assertThat(credential.toString()).doesNotContain("s3cr3t-value");
    }
}
