// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Biometric unlock on Android (API 30+), called from biometricunlock_android.cpp through QJniObject.
// An AES-256-GCM key in the AndroidKeyStore (hardware-backed where the device has it) wraps the
// SDK's data key. The key requires strong biometric authentication for every use and is invalidated
// by a new enrollment; it is used only inside BiometricPrompt's CryptoObject callback, so the OS
// releases the cipher only after a match. Not built or tested by CI (Linux only).
package org.concierge;

import android.app.Activity;
import android.content.Context;
import android.hardware.biometrics.BiometricManager;
import android.hardware.biometrics.BiometricPrompt;
import android.os.CancellationSignal;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyPermanentlyInvalidatedException;
import android.security.keystore.KeyProperties;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public final class ConciergeBiometric {
    // Result codes, mirrored in biometricunlock_android.cpp.
    static final int OK = 0, CANCELLED = 1, FAILED = 2, LOCKOUT = 3, INVALIDATED = 4, UNAVAILABLE = 5;
    private static final String STORE = "AndroidKeyStore";
    private static CancellationSignal pending;

    private static native void onResult(long id, int code, byte[] data);

    private ConciergeBiometric() {}

    /** 2 available, 1 not enrolled, 0 none. */
    public static int availability(Context context) {
        BiometricManager manager = context.getSystemService(BiometricManager.class);
        int can = manager.canAuthenticate(BiometricManager.Authenticators.BIOMETRIC_STRONG);
        if (can == BiometricManager.BIOMETRIC_SUCCESS) return 2;
        return can == BiometricManager.BIOMETRIC_ERROR_NONE_ENROLLED ? 1 : 0;
    }

    /** Makes a new Keystore key for alias and wraps dataKey with it (prompts); answers iv||ciphertext. */
    public static void protect(Activity activity, String alias, byte[] dataKey, String title, long id) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, STORE);
            generator.init(new KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                    .setKeySize(256)
                    .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                    .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                    .setUserAuthenticationRequired(true)
                    .setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG) // every use
                    .setInvalidatedByBiometricEnrollment(true)
                    .build());
            SecretKey key = generator.generateKey();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            prompt(activity, cipher, title, id, c -> {
                byte[] sealed = c.doFinal(dataKey);
                return ByteBuffer.allocate(12 + sealed.length).put(c.getIV()).put(sealed).array();
            });
        } catch (Exception e) {
            onResult(id, UNAVAILABLE, null);
        }
    }

    /** Unwraps iv||ciphertext with the Keystore key of alias, inside the prompt's callback. */
    public static void release(Activity activity, String alias, byte[] wrapped, String title, long id) {
        try {
            KeyStore store = KeyStore.getInstance(STORE);
            store.load(null);
            SecretKey key = (SecretKey) store.getKey(alias, null);
            if (key == null || wrapped == null || wrapped.length < 12 + 16) {
                onResult(id, INVALIDATED, null);
                return;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, 12));
            prompt(activity, cipher, title, id, c -> c.doFinal(Arrays.copyOfRange(wrapped, 12, wrapped.length)));
        } catch (KeyPermanentlyInvalidatedException e) {
            onResult(id, INVALIDATED, null); // a new enrollment: the OS destroyed the key's usability
        } catch (Exception e) {
            onResult(id, UNAVAILABLE, null);
        }
    }

    public static void remove(String alias) {
        try {
            KeyStore store = KeyStore.getInstance(STORE);
            store.load(null);
            store.deleteEntry(alias);
        } catch (Exception ignored) {
        }
    }

    public static void cancel() {
        if (pending != null) pending.cancel();
    }

    private interface Step { byte[] run(Cipher cipher) throws Exception; }

    private static void prompt(Activity activity, Cipher cipher, String title, long id, Step step) {
        activity.runOnUiThread(() -> {
            pending = new CancellationSignal();
            BiometricPrompt prompt = new BiometricPrompt.Builder(activity)
                    .setTitle(title)
                    .setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
                    .setNegativeButton(activity.getString(android.R.string.cancel), activity.getMainExecutor(),
                            (dialog, which) -> pending.cancel())
                    .build();
            prompt.authenticate(new BiometricPrompt.CryptoObject(cipher), pending, activity.getMainExecutor(),
                    new BiometricPrompt.AuthenticationCallback() {
                        @Override public void onAuthenticationSucceeded(BiometricPrompt.AuthenticationResult result) {
                            pending = null;
                            try {
                                onResult(id, OK, step.run(result.getCryptoObject().getCipher()));
                            } catch (Exception e) {
                                onResult(id, INVALIDATED, null); // the wrapped key does not open with this key
                            }
                        }
                        @Override public void onAuthenticationError(int code, CharSequence message) {
                            pending = null;
                            switch (code) {
                                case BiometricPrompt.BIOMETRIC_ERROR_USER_CANCELED:
                                case BiometricPrompt.BIOMETRIC_ERROR_CANCELED:
                                    onResult(id, CANCELLED, null); break;
                                case BiometricPrompt.BIOMETRIC_ERROR_LOCKOUT:
                                case BiometricPrompt.BIOMETRIC_ERROR_LOCKOUT_PERMANENT:
                                    onResult(id, LOCKOUT, null); break;
                                case BiometricPrompt.BIOMETRIC_ERROR_TIMEOUT:
                                    onResult(id, FAILED, null); break;
                                default:
                                    onResult(id, UNAVAILABLE, null);
                            }
                        }
                        // onAuthenticationFailed (one finger not recognised): the prompt stays up.
                    });
        });
    }
}
