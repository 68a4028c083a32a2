package dev.keyport.adapter.huawei;

import java.util.Optional;

/**
 * The port this adapter looks credentials up through: the access key a request names, to its secret key, its tenant
 * and its projects. The server implements it from its credentials file.
 */
@FunctionalInterface
public interface HuaweiCredentials {

    Optional<HuaweiCredential> find(String accessKey);
}
