package uk.dapp.partnersupport.crypto;

import java.util.List;

/**
 * Implemented by each feature that stores encrypted fields, so the re-encryption job finds every
 * one of them: a new encrypted field is listed by its owner, not in the job.
 */
public interface EncryptedFields {

    List<EncryptedField> encryptedFields();
}
