package dev.keyport.bench;

/**
 * One API request before signing: the action (Tencent's {@code X-TC-Action}, Huawei's operation path, local-kms's
 * {@code X-Amz-Target}) and the JSON body. Signed anew for each send, since the signatures carry the time.
 */
record Request(String action, byte[] body) {
}
