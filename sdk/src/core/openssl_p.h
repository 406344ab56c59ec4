// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// RAII for the OpenSSL 3 objects the JOSE code uses, defined once.
#pragma once

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>

namespace Concierge::Jose {

//! Leaves the thread's OpenSSL error queue as it was: whatever a failed operation pushes is
//! dropped, so it can neither leak memory nor confuse other users of libcrypto (Qt's TLS backend
//! reads the same thread-local queue). Failures are reported through return values.
class ErrorQueueGuard
{
public:
    ErrorQueueGuard() { ERR_set_mark(); }
    ~ErrorQueueGuard() { ERR_pop_to_mark(); }
    ErrorQueueGuard(const ErrorQueueGuard &) = delete;
    ErrorQueueGuard &operator=(const ErrorQueueGuard &) = delete;
};

struct PkeyDeleter { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct PkeyCtxDeleter { void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); } };
struct MdCtxDeleter { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };
struct BnDeleter { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ParamBldDeleter { void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct Pkcs8Deleter { void operator()(PKCS8_PRIV_KEY_INFO *p) const { PKCS8_PRIV_KEY_INFO_free(p); } };
struct EcdsaSigDeleter { void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); } };

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

} // namespace Concierge::Jose
