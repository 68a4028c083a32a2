package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyport.adapter.huawei.HuaweiCredential;
import dev.keyport.adapter.tencent.TencentCredential;
import dev.keyport.application.port.out.Secret;
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

    static CredentialDirectory load(Optional<Path> file, boolean loopback) {
        File contents = file.map(CredentialsFile::read).orElseGet(CredentialsFile::development);
        CredentialDirectory directory = new CredentialDirectory();
        if (contents.tenants() == null || contents.tenants().isEmpty()) {
            throw bad("tenants is missing or empty");
        }
        for (int i = 0; i < contents.tenants().size(); i++) {
            Tenant tenant = contents.tenants().get(i);
            String where = "tenants[" + i + "]";
            if (tenant == null) {
                throw bad(where + " is null");
            }
            TenantId id;
            try {
                id = TenantId.of(required(tenant.id(), where + ".id"));
            } catch (RuntimeException e) {
                throw e instanceof BadSettingException bad ? bad
                        : bad(where + ".id '" + tenant.id() + "' is not a tenant id (" + e.getMessage() + ")");
            }
            where = "tenant '" + tenant.id() + "'";
            if (isEmpty(tenant.tencent()) && isEmpty(tenant.huawei())) {
                throw bad(where + ": has neither tencent nor huawei credentials");
            }
            List<Tencent> tencent = tenant.tencent() == null ? List.of() : tenant.tencent();
            for (int j = 0; j < tencent.size(); j++) {
                String field = where + ": tencent[" + j + "]";
                Tencent t = tencent.get(j);
                if (t == null) {
                    throw bad(field + " is null");
                }
                String secretId = required(t.secretId(), field + ".secretId");
                refuseDevelopment(secretId, loopback);
                add(() -> directory.add(new TencentCredential(id, secretId,
                        Secret.of(required(t.secretKey(), field + ".secretKey")), t.appId() == null ? 0 : t.appId(),
                        t.uin() == null ? 0 : t.uin())), field);
            }
            List<Huawei> huawei = tenant.huawei() == null ? List.of() : tenant.huawei();
            for (int j = 0; j < huawei.size(); j++) {
                String field = where + ": huawei[" + j + "]";
                Huawei h = huawei.get(j);
                if (h == null) {
                    throw bad(field + " is null");
                }
                String accessKey = required(h.accessKey(), field + ".accessKey");
                refuseDevelopment(accessKey, loopback);
                Secret secretKey = Secret.of(required(h.secretKey(), field + ".secretKey"));
                if (h.projects() == null || h.projects().isEmpty()) {
                    throw bad(field + ".projects is missing or empty: give {\"<project id>\": \"<region>\"}");
                }
                Map<String, Region> projects = new LinkedHashMap<>();
                for (Map.Entry<String, String> project : h.projects().entrySet()) {
                    String projectField = field + ".projects['" + project.getKey() + "']";
                    if (!project.getKey().matches("[A-Za-z0-9_-]{1,64}")) {
                        throw bad(projectField + ": a project id is 1 to 64 letters, digits, '_' or '-'");
                    }
                    try {
                        projects.put(project.getKey(), Region.of(required(project.getValue(), projectField)));
                    } catch (RuntimeException e) {
                        throw e instanceof BadSettingException bad ? bad
                                : bad(projectField + ": '" + project.getValue() + "' is not a region name");
                    }
                }
                if (projects.values().stream().distinct().count() != projects.size()) {
                    throw bad(field + ".projects: each project needs a region of its own");
                }
                add(() -> directory.add(new HuaweiCredential(id, accessKey, secretKey,
                        h.domainId() == null ? "" : h.domainId(), projects)), field);
            }
        }
        return directory;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw bad(field + " is missing");
        }
        return value;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** Adds a credential; the directory refuses an id that is already taken. */
    private static void add(Runnable addition, String field) {
        try {
            addition.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw bad(field + ": " + e.getMessage());
        }
    }

    private static BadSettingException bad(String problem) {
        return new BadSettingException("KEYPORT_CREDENTIALS", problem);
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
