package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.application.inmemory.InMemoryTenantDirectory;
import dev.keyport.application.port.out.HuaweiCredential;
import dev.keyport.application.port.out.Secret;
import dev.keyport.application.port.out.TencentCredential;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants and their credentials: from the credentials file, or the documented development tenant. The
 * development credentials are public, so they are refused unless the server binds a loopback address.
 */
final class CredentialsFile {

    static final String DEV_TENANT = "dev";
    static final String DEV_TENCENT_SECRET_ID = "AKIDKEYPORTLOCALDEV";
    static final String DEV_TENCENT_SECRET_KEY = "keyport-local-dev-secret";
    static final String DEV_HUAWEI_AK = "KEYPORTLOCALDEVAK";
    static final String DEV_HUAWEI_SK = "keyport-local-dev-secret";
    static final String DEV_PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String DEV_REGION = "cn-north-4";

    record File(List<Tenant> tenants) {
    }

    record Tenant(String id, List<Tencent> tencent, List<Huawei> huawei) {
    }

    record Tencent(String secretId, String secretKey, Long appId, Long uin) {
    }

    record Huawei(String accessKey, String secretKey, String domainId, Map<String, String> projects) {
    }

    private CredentialsFile() {
    }

    static InMemoryTenantDirectory load(Optional<Path> file, boolean loopback) {
        File contents = file.map(CredentialsFile::read).orElseGet(CredentialsFile::development);
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        try {
            for (Tenant tenant : contents.tenants() == null ? List.<Tenant>of() : contents.tenants()) {
                TenantId id = TenantId.of(tenant.id());
                for (Tencent t : tenant.tencent() == null ? List.<Tencent>of() : tenant.tencent()) {
                    refuseDevelopment(t.secretId(), loopback);
                    directory.add(new TencentCredential(id, t.secretId(), Secret.of(t.secretKey()),
                            t.appId() == null ? 0 : t.appId(), t.uin() == null ? 0 : t.uin()));
                }
                for (Huawei h : tenant.huawei() == null ? List.<Huawei>of() : tenant.huawei()) {
                    refuseDevelopment(h.accessKey(), loopback);
                    Map<String, Region> projects = new LinkedHashMap<>();
                    h.projects().forEach((project, region) -> projects.put(project, Region.of(region)));
                    directory.add(new HuaweiCredential(id, h.accessKey(), Secret.of(h.secretKey()),
                            h.domainId() == null ? "" : h.domainId(), projects));
                }
            }
        } catch (BadSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadSettingException("KEYPORT_CREDENTIALS", "a credential is incomplete or invalid: "
                    + e.getMessage());
        }
        return directory;
    }

    private static void refuseDevelopment(String id, boolean loopback) {
        if (!loopback && (DEV_TENCENT_SECRET_ID.equals(id) || DEV_HUAWEI_AK.equals(id))) {
            throw new BadSettingException("KEYPORT_CREDENTIALS", "the development credentials are refused when "
                    + "KEYPORT_BIND is not a loopback address; give a credentials file with your own");
        }
    }

    private static File read(Path path) {
        try {
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(path.toFile(), File.class);
        } catch (JsonProcessingException e) {
            throw new BadSettingException("KEYPORT_CREDENTIALS", "'" + path + "' is not a valid credentials file ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadSettingException("KEYPORT_CREDENTIALS", "cannot read '" + path + "'");
        }
    }

    private static File development() {
        return new File(List.of(new Tenant(DEV_TENANT,
                List.of(new Tencent(DEV_TENCENT_SECRET_ID, DEV_TENCENT_SECRET_KEY, 1250000000L, 100000000001L)),
                List.of(new Huawei(DEV_HUAWEI_AK, DEV_HUAWEI_SK, "keyportlocaldevdomain", Map.of(DEV_PROJECT,
                        DEV_REGION))))));
    }
}
