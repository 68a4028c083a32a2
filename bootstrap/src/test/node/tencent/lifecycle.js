"use strict";
// Drives Keyport's Tencent KMS API through Tencent's official Node SDK (tencentcloud-sdk-nodejs): the BYOK
// lifecycle, then DeleteImportedKeyMaterial's documented errors. Run by NodeSdkTest, which starts the server and
// reads the one line of JSON this prints: {"steps": {...}, "errors": {...}}. Any failure the script did not expect
// is printed as {"failure": "..."} with exit code 1.
//
// Environment: KEYPORT_TENCENT_ENDPOINT (host:port), KEYPORT_SECRET_ID, KEYPORT_SECRET_KEY, KEYPORT_REGION.

const crypto = require("crypto");
const { kms } = require("tencentcloud-sdk-nodejs/tencentcloud/services/kms");

const client = new kms.v20190118.Client({
  credential: { secretId: process.env.KEYPORT_SECRET_ID, secretKey: process.env.KEYPORT_SECRET_KEY },
  region: process.env.KEYPORT_REGION,
  profile: { httpProfile: { endpoint: process.env.KEYPORT_TENCENT_ENDPOINT, protocol: "http://", reqTimeout: 30 } },
});

/** The error code a call is refused with, or "(success)". */
async function code(call) {
  try {
    await call();
    return "(success)";
  } catch (e) {
    if (!e.code) {
      throw e;
    }
    return e.code;
  }
}

function alias(prefix) {
  return prefix + "-" + crypto.randomUUID().slice(0, 8);
}

/** GetParametersForImport, the material wrapped with node's crypto (RSAES_OAEP_SHA_256), ImportKeyMaterial. */
async function importMaterial(keyId, material) {
  const parameters = await client.GetParametersForImport({
    KeyId: keyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048",
  });
  const publicKey = crypto.createPublicKey({ key: Buffer.from(parameters.PublicKey, "base64"), format: "der", type: "spki" });
  const wrapped = crypto.publicEncrypt(
    { key: publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, material);
  await client.ImportKeyMaterial({
    KeyId: keyId, ImportToken: parameters.ImportToken, EncryptedKeyMaterial: wrapped.toString("base64"),
  });
}

async function state(keyId) {
  return (await client.DescribeKey({ KeyId: keyId })).KeyMetadata.KeyState;
}

async function externalKeyWithMaterial(prefix) {
  const keyId = (await client.CreateKey({ Alias: alias(prefix), Type: 2 })).KeyId;
  await importMaterial(keyId, crypto.randomBytes(32));
  return keyId;
}

async function main() {
  const steps = {};
  const errors = {};

  // the lifecycle
  const created = await client.CreateKey({ Alias: alias("node-byok"), Type: 2, Description: "through the Node SDK" });
  const keyId = created.KeyId;
  steps.created = created.KeyState;
  const material = crypto.randomBytes(32);
  await importMaterial(keyId, material);
  steps.imported = await state(keyId);
  const plaintext = "hello from node " + crypto.randomUUID();
  const encrypted = await client.Encrypt({ KeyId: keyId, Plaintext: Buffer.from(plaintext).toString("base64") });
  const decrypted = await client.Decrypt({ CiphertextBlob: encrypted.CiphertextBlob });
  steps.roundTrip = Buffer.from(decrypted.Plaintext, "base64").toString() === plaintext;
  steps.decryptedKeyId = decrypted.KeyId === keyId;
  await client.DeleteImportedKeyMaterial({ KeyId: keyId });
  steps.afterDelete = await state(keyId);
  steps.decryptAfterDelete = await code(() => client.Decrypt({ CiphertextBlob: encrypted.CiphertextBlob }));
  steps.otherMaterial = await code(() => importMaterial(keyId, crypto.randomBytes(32)));
  await importMaterial(keyId, material);
  steps.reimported = await state(keyId);
  const again = await client.Decrypt({ CiphertextBlob: encrypted.CiphertextBlob });
  steps.roundTripAfterReimport = Buffer.from(again.Plaintext, "base64").toString() === plaintext;

  // DeleteImportedKeyMaterial's documented errors
  errors.missingKeyId = await code(() => client.DeleteImportedKeyMaterial({}));
  errors.malformedKeyId = await code(() => client.DeleteImportedKeyMaterial({ KeyId: "not-a-key-id" }));
  errors.unknownKey = await code(() => client.DeleteImportedKeyMaterial({ KeyId: crypto.randomUUID() }));
  const generated = (await client.CreateKey({ Alias: alias("node-kms"), Type: 1 })).KeyId;
  errors.notExternal = await code(() => client.DeleteImportedKeyMaterial({ KeyId: generated }));
  const pendingImport = (await client.CreateKey({ Alias: alias("node-empty"), Type: 2 })).KeyId;
  errors.pendingImport = await code(() => client.DeleteImportedKeyMaterial({ KeyId: pendingImport }));
  const bound = await externalKeyWithMaterial("node-bound");
  await client.BindCloudResource({ KeyId: bound, ProductId: "ssm", ResourceId: "node-secret" });
  errors.bound = await code(() => client.DeleteImportedKeyMaterial({ KeyId: bound }));
  const doomed = await externalKeyWithMaterial("node-doomed");
  await client.DisableKey({ KeyId: doomed });
  await client.ScheduleKeyDeletion({ KeyId: doomed, PendingWindowInDays: 7 });
  errors.pendingDelete = await code(() => client.DeleteImportedKeyMaterial({ KeyId: doomed }));

  console.log(JSON.stringify({ steps, errors }));
}

main().catch((e) => {
  console.log(JSON.stringify({ failure: String(e && (e.stack || e.message || e)) }));
  process.exitCode = 1;
});
