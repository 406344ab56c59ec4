// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/jose_p.h"

#include "core/base64url_p.h"
#include "core/openssl_p.h"

#include <QtCore/QVarLengthArray>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace Concierge::Jose {

namespace {

// ---------------------------------------------------------------------------------------------
// Strict JSON: a SAX handler that builds an nlohmann::json DOM and refuses duplicate member
// names, excessive nesting and a top-level value that is not an object.
// ---------------------------------------------------------------------------------------------
class StrictObjectBuilder
{
public:
    using json = nlohmann::json;

    explicit StrictObjectBuilder(json &root) : m_root(root) { m_stack.reserve(8); }

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t &) { return value(v); }
    bool string(json::string_t &v) { return value(std::move(v)); }
    bool binary(json::binary_t &) { return false; } // cannot occur in JSON text

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_array() { return close(); }

    bool key(json::string_t &name)
    {
        auto &members = m_stack.back()->get_ref<json::object_t &>();
        auto [it, inserted] = members.emplace(std::move(name), nullptr);
        if (!inserted)
            return false; // duplicate member name: RFC 7515 §4 and RFC 7519 §4 let us reject, we do
        m_member = &it->second;
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &)
    {
        return false;
    }

    bool complete() const { return m_started && m_stack.empty(); }

private:
    template<typename V>
    json *place(V &&v)
    {
        json &parent = *m_stack.back();
        if (parent.is_array()) {
            auto &items = parent.get_ref<json::array_t &>();
            items.emplace_back(std::forward<V>(v));
            return &items.back();
        }
        *m_member = json(std::forward<V>(v));
        return m_member;
    }

    template<typename V>
    bool value(V &&v)
    {
        if (m_stack.empty())
            return false; // a scalar at top level: not an object
        place(std::forward<V>(v));
        return true;
    }

    bool open(json::value_t type)
    {
        if (m_stack.empty()) {
            if (m_started || type != json::value_t::object)
                return false;
            m_started = true;
            m_root = json(type);
            m_stack.push_back(&m_root);
            return true;
        }
        if (m_stack.size() >= std::size_t(kMaxJsonDepth))
            return false;
        m_stack.push_back(place(json(type)));
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    json &m_root;
    std::vector<json *> m_stack;
    json *m_member = nullptr;
    bool m_started = false;
};

// ---------------------------------------------------------------------------------------------
// The same strictness without a DOM: duplicate member names are found with a flat list of the
// names of every open object (short lists in practice: a linear scan beats hashing), and only the
// requested top-level members are kept.
// ---------------------------------------------------------------------------------------------
class MemberReader
{
public:
    using json = nlohmann::json;
    using Type = JsonMember::Type;

    MemberReader(const char *const *names, JsonMember *members, std::size_t count)
        : m_members(members), m_count(count)
    {
        for (std::size_t i = 0; i < count; ++i)
            m_names.append(std::string_view(names[i]));
        m_keys.reserve(16);
    }

    bool null() { return scalar(Type::Other); }
    bool boolean(bool) { return scalar(Type::Other); }
    bool number_integer(json::number_integer_t v) { return number(double(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return number(double(v)); }
    bool number_float(json::number_float_t v, const json::string_t &) { return number(v); }
    bool binary(json::binary_t &) { return false; }

    bool string(json::string_t &v)
    {
        if (m_depth == 0)
            return false;
        if (m_depth == 1) {
            if (m_target) {
                m_target->type = Type::String;
                m_target->string = std::move(v);
                m_target = nullptr;
            }
        } else if (m_depth == 2 && m_array) {
            m_array->strings.push_back(std::move(v));
        }
        return true;
    }

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object()
    {
        m_keys.resize(m_frames.back());
        m_frames.removeLast();
        return close();
    }
    bool end_array() { return close(); }

    bool key(json::string_t &name)
    {
        for (std::size_t i = m_frames.back(); i < m_keys.size(); ++i) {
            if (m_keys[i] == name)
                return false; // duplicate member name
        }
        if (m_depth == 1) {
            m_target = nullptr;
            for (std::size_t i = 0; i < m_count; ++i) {
                if (std::string_view(name) == m_names[i]) {
                    m_target = &m_members[i];
                    break;
                }
            }
        }
        m_keys.push_back(std::move(name));
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) { return false; }

    bool complete() const { return m_started && m_depth == 0; }

private:
    bool scalar(Type type)
    {
        if (m_depth == 0)
            return false;
        if (m_depth == 1 && m_target) {
            m_target->type = type;
            m_target = nullptr;
        } else if (m_depth == 2 && m_array) {
            m_array->type = Type::Other; // an array holding a non-string
            m_array->strings.clear();
            m_array = nullptr;
        }
        return true;
    }

    bool number(double v)
    {
        if (m_depth == 1 && m_target) {
            m_target->type = std::isfinite(v) ? Type::Number : Type::Other;
            m_target->number = v;
            m_target = nullptr;
            return true;
        }
        return scalar(Type::Other);
    }

    bool open(bool object)
    {
        if (m_depth == 0) {
            if (m_started || !object)
                return false; // not an object, or a second document
            m_started = true;
        } else if (m_depth >= kMaxJsonDepth) {
            return false;
        } else if (m_depth == 1 && m_target) {
            m_target->type = object ? Type::Other : Type::StringArray;
            m_target->strings.clear();
            if (!object)
                m_array = m_target;
            m_target = nullptr;
        } else if (m_depth == 2 && m_array) {
            m_array->type = Type::Other; // nested container inside the array
            m_array->strings.clear();
            m_array = nullptr;
        }
        if (object)
            m_frames.append(m_keys.size());
        ++m_depth;
        return true;
    }

    bool close()
    {
        if (--m_depth == 1)
            m_array = nullptr;
        return true;
    }

    QVarLengthArray<std::string_view, 16> m_names;
    JsonMember *m_members;
    std::size_t m_count;
    JsonMember *m_target = nullptr; // the top-level member whose value comes next
    JsonMember *m_array = nullptr;  // the top-level array being collected
    std::vector<std::string> m_keys;
    QVarLengthArray<std::size_t, 8> m_frames; // start of each open object's names in m_keys
    int m_depth = 0;
    bool m_started = false;
};

template<typename Sax>
bool saxParse(QByteArrayView text, Sax &sax)
{
    const char *begin = text.data();
    if (!begin) // an empty view may carry a null pointer
        return false;
    const char *end = begin + text.size();
    // A raw NUL is never valid JSON text, and nlohmann/json's lexer takes it for the end of input:
    // "{...}\0{...}" would be read as its first half. Found by fuzz_jose.
    if (std::memchr(begin, 0, std::size_t(text.size())))
        return false;
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    try {
        return nlohmann::json::sax_parse(begin, end, &sax, nlohmann::json::input_format_t::json,
                                         /*strict=*/true, /*ignore_comments=*/false);
    } catch (...) { // only std::bad_alloc can get here; treat as unparseable
        return false;
    }
#else
    return nlohmann::json::sax_parse(begin, end, &sax, nlohmann::json::input_format_t::json,
                                     /*strict=*/true, /*ignore_comments=*/false);
#endif
}

const EVP_MD *fetchDigest(const char *name)
{
    // Fetched once per process and never freed (like the built-in EVP_sha256()).
    return EVP_MD_fetch(nullptr, name, nullptr);
}

const EVP_MD *sha256()
{
    static const EVP_MD *md = fetchDigest("SHA2-256");
    return md;
}

const EVP_MD *sha512()
{
    static const EVP_MD *md = fetchDigest("SHA2-512");
    return md;
}



// JOSE ECDSA signatures are R || S, each a fixed-width big-endian integer (RFC 7518 §3.4);
// OpenSSL wants DER: SEQUENCE { INTEGER r, INTEGER s }. Writes at most 72 bytes for P-256.
std::size_t appendDerInteger(unsigned char *out, const unsigned char *bytes, std::size_t size)
{
    std::size_t skip = 0;
    while (skip + 1 < size && bytes[skip] == 0)
        ++skip;
    const bool pad = (bytes[skip] & 0x80) != 0;
    const std::size_t length = size - skip + (pad ? 1 : 0);
    std::size_t o = 0;
    out[o++] = 0x02;
    out[o++] = static_cast<unsigned char>(length);
    if (pad)
        out[o++] = 0x00;
    std::memcpy(out + o, bytes + skip, size - skip);
    return o + size - skip;
}

std::size_t joseToDerP256(const unsigned char *rs, unsigned char (&der)[80])
{
    unsigned char body[76];
    std::size_t n = appendDerInteger(body, rs, 32);
    n += appendDerInteger(body + n, rs + 32, 32);
    der[0] = 0x30;
    der[1] = static_cast<unsigned char>(n); // n <= 70: short-form length
    std::memcpy(der + 2, body, n);
    return n + 2;
}

} // namespace

Algorithm algorithmFromName(std::string_view name)
{
    if (name == "RS256")
        return Algorithm::RS256;
    if (name == "PS256")
        return Algorithm::PS256;
    if (name == "ES256")
        return Algorithm::ES256;
    if (name == "EdDSA")
        return Algorithm::EdDSA;
    return Algorithm::Unsupported;
}

const char *algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::RS256: return "RS256";
    case Algorithm::PS256: return "PS256";
    case Algorithm::ES256: return "ES256";
    case Algorithm::EdDSA: return "EdDSA";
    case Algorithm::Unsupported: break;
    }
    return "";
}

const EVP_MD *hashForAlgorithm(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::RS256:
    case Algorithm::PS256:
    case Algorithm::ES256: return sha256();
    case Algorithm::EdDSA: return sha512();
    case Algorithm::Unsupported: break;
    }
    return nullptr;
}

std::optional<nlohmann::json> parseStrictJsonObject(QByteArrayView text)
{
    nlohmann::json root;
    StrictObjectBuilder builder(root);
    if (!saxParse(text, builder) || !builder.complete())
        return std::nullopt;
    return root;
}

bool readTopLevelMembers(QByteArrayView text, const char *const *names, JsonMember *members, std::size_t count)
{
    MemberReader reader(names, members, count);
    return saxParse(text, reader) && reader.complete();
}

Result<CompactJws> CompactJws::parse(const QByteArray &compact, qsizetype maxBytes)
{
    using Code = Error::Code;
    // 1. Size, before anything else touches the input.
    if (compact.size() > maxBytes)
        return Error(Code::IdTokenMalformed, QStringLiteral("token exceeds the size limit"));

    // 2. Exactly three segments.
    const char *data = compact.constData();
    const qsizetype size = compact.size();
    const auto *dot1 = static_cast<const char *>(size ? std::memchr(data, '.', std::size_t(size)) : nullptr);
    if (!dot1)
        return Error(Code::IdTokenMalformed, QStringLiteral("not a compact JWS"));
    const auto *dot2 = static_cast<const char *>(std::memchr(dot1 + 1, '.', std::size_t(data + size - dot1 - 1)));
    if (!dot2 || std::memchr(dot2 + 1, '.', std::size_t(data + size - dot2 - 1)))
        return Error(Code::IdTokenMalformed, QStringLiteral("a compact JWS has exactly three segments"));
    const QByteArrayView headerPart(data, dot1 - data);
    const QByteArrayView payloadPart(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView signaturePart(dot2 + 1, data + size - dot2 - 1);

    // 3. Header: base64url, then a strict JSON object.
    const auto headerBytes = base64UrlDecode(headerPart);
    if (!headerBytes || headerBytes->isEmpty())
        return Error(Code::IdTokenMalformed, QStringLiteral("JWS header is not base64url"));
    static const char *const names[] = {"alg", "kid", "typ", "crit"};
    JsonMember members[4];
    if (!readTopLevelMembers(*headerBytes, names, members, 4))
        return Error(Code::IdTokenMalformed, QStringLiteral("JWS header is not a JSON object without duplicate members"));

    CompactJws jws;
    JwsHeader &header = jws.m_header;

    // 4. Any "crit" names an extension that must be understood; we understand none.
    if (members[3].type != JsonMember::Type::Absent)
        return Error(Code::IdTokenCritUnsupported, QStringLiteral("JWS header has crit"));

    // 5. alg: a string naming a supported algorithm.
    if (members[0].type != JsonMember::Type::String)
        return Error(Code::IdTokenMalformed, QStringLiteral("JWS header has no alg"));
    header.algorithm = algorithmFromName(members[0].string);
    if (header.algorithm == Algorithm::Unsupported)
        return Error(Code::IdTokenAlgorithmRejected, QStringLiteral("algorithm not supported"));

    // 6. kid and typ, when present, are short strings.
    switch (members[1].type) {
    case JsonMember::Type::Absent: break;
    case JsonMember::Type::String:
        if (members[1].string.size() > kMaxKidBytes)
            return Error(Code::IdTokenMalformed, QStringLiteral("kid too long"));
        header.kid = std::move(members[1].string);
        break;
    default: return Error(Code::IdTokenMalformed, QStringLiteral("kid is not a string"));
    }
    switch (members[2].type) {
    case JsonMember::Type::Absent: break;
    case JsonMember::Type::String: header.typ = std::move(members[2].string); break;
    default: return Error(Code::IdTokenMalformed, QStringLiteral("typ is not a string"));
    }

    // 7. Payload and signature: canonical base64url.
    auto payload = base64UrlDecode(payloadPart);
    if (!payload)
        return Error(Code::IdTokenMalformed, QStringLiteral("JWS payload is not base64url"));
    auto signature = base64UrlDecode(signaturePart);
    if (!signature)
        return Error(Code::IdTokenMalformed, QStringLiteral("JWS signature is not base64url"));

    jws.m_compact = compact;
    jws.m_signingInputLength = dot2 - data;
    jws.m_payload = std::move(*payload);
    jws.m_signature = std::move(*signature);
    return jws;
}

namespace {

bool keyFits(Algorithm algorithm, EVP_PKEY *key)
{
    if (!key)
        return false;
    const int type = EVP_PKEY_get_base_id(key);
    switch (algorithm) {
    case Algorithm::RS256:
    case Algorithm::PS256: return type == EVP_PKEY_RSA;
    case Algorithm::ES256: return type == EVP_PKEY_EC && EVP_PKEY_get_bits(key) == 256; // JWKS: P-256 only
    case Algorithm::EdDSA: return type == EVP_PKEY_ED25519;
    case Algorithm::Unsupported: break;
    }
    return false;
}

// Key type and signature length checks, and the JOSE → DER conversion for ECDSA. On success
// \a sig / \a sigSize describe what OpenSSL must verify (pointing into \a signature or \a der).
bool checkSignature(Algorithm algorithm, EVP_PKEY *key, QByteArrayView signature, const unsigned char *&sig,
                    std::size_t &sigSize, unsigned char (&der)[80])
{
    if (!keyFits(algorithm, key))
        return false;
    sig = reinterpret_cast<const unsigned char *>(signature.data());
    sigSize = std::size_t(signature.size());
    switch (algorithm) {
    case Algorithm::RS256:
    case Algorithm::PS256: return sigSize == std::size_t(EVP_PKEY_get_size(key));
    case Algorithm::ES256:
        if (sigSize != 64)
            return false;
        sigSize = joseToDerP256(sig, der);
        sig = der;
        return true;
    case Algorithm::EdDSA: return sigSize == 64;
    case Algorithm::Unsupported: break;
    }
    return false;
}

bool initVerify(EVP_MD_CTX *ctx, Algorithm algorithm, EVP_PKEY *key)
{
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    const char *mdName = algorithm == Algorithm::EdDSA ? nullptr : "SHA2-256"; // EdDSA: no pre-hash
    if (EVP_DigestVerifyInit_ex(ctx, &pctx, mdName, nullptr, nullptr, key, nullptr) != 1)
        return false;
    if (algorithm == Algorithm::PS256) {
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, sha256()) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1;
    }
    return true; // RS256: PKCS#1 v1.5 is the default padding of an RSA verify context
}

bool digestVerify(EVP_MD_CTX *ctx, const unsigned char *sig, std::size_t sigSize, QByteArrayView signingInput)
{
    return EVP_DigestVerify(ctx, sig, sigSize, reinterpret_cast<const unsigned char *>(signingInput.data()),
                            std::size_t(signingInput.size()))
        == 1;
}

} // namespace

bool verifySignature(Algorithm algorithm, EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature)
{
    const unsigned char *sig = nullptr;
    std::size_t sigSize = 0;
    unsigned char der[80];
    if (!checkSignature(algorithm, key, signature, sig, sigSize, der))
        return false;
    ErrorQueueGuard errors;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    return ctx && initVerify(ctx.get(), algorithm, key) && digestVerify(ctx.get(), sig, sigSize, signingInput);
}

PreparedVerifier::PreparedVerifier(Algorithm algorithm, std::shared_ptr<EVP_PKEY> key)
{
    if (!keyFits(algorithm, key.get()))
        return;
    ErrorQueueGuard errors;
    std::shared_ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new(), MdCtxDeleter());
    if (!ctx || !initVerify(ctx.get(), algorithm, key.get()))
        return;
    m_key = std::move(key);
    m_template = std::move(ctx);
    m_algorithm = algorithm;
}

bool PreparedVerifier::verify(QByteArrayView signingInput, QByteArrayView signature) const
{
    const unsigned char *sig = nullptr;
    std::size_t sigSize = 0;
    unsigned char der[80];
    if (!m_template || !checkSignature(m_algorithm, m_key.get(), signature, sig, sigSize, der))
        return false;
    ErrorQueueGuard errors;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx)
        return false;
    // Copying the prepared context skips the per-call algorithm fetches; should a provider not
    // support duplicating it, fall back to a fresh initialisation.
    if (EVP_MD_CTX_copy_ex(ctx.get(), m_template.get()) != 1) {
        EVP_MD_CTX_reset(ctx.get());
        if (!initVerify(ctx.get(), m_algorithm, m_key.get()))
            return false;
    }
    return digestVerify(ctx.get(), sig, sigSize, signingInput);
}

} // namespace Concierge::Jose
