package dev.keyport.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A resource of a cloud product that uses a key, such as {@code ssm}/{@code secret-1}. */
public record CloudResource(String productId, String resourceId) {

    private static final Pattern PRODUCT = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final int MAX_RESOURCE_ID = 1024;

    public CloudResource {
        Objects.requireNonNull(productId, "product id");
        Objects.requireNonNull(resourceId, "resource id");
        if (!PRODUCT.matcher(productId).matches()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_CLOUD_RESOURCE, "product id",
                    "must match " + PRODUCT);
        }
        if (resourceId.isBlank() || resourceId.length() > MAX_RESOURCE_ID
                || resourceId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(DomainErrorCode.INVALID_CLOUD_RESOURCE, "resource id",
                    "must be 1 to " + MAX_RESOURCE_ID + " printable characters");
        }
    }

    @Override
    public String toString() {
        return productId + ":" + resourceId;
    }
}
