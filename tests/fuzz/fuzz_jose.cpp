// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the JOSE building blocks that read network bytes before any signature is checked:
//   - Jose::CompactJws::parse (compact serialization, header rules);
//   - strict base64url (decode/encode/isBase64Url);
//   - the two strict JSON readers, parseStrictJsonObject (DOM) and readTopLevelMembers (the fast
//     path used on every token), and the lenient Internal::Json::parseObject used for responses.
// The same input is tried as each. The readers must agree with each other (documented: "exactly
// the rules of parseStrictJsonObject"); base64url must be canonical (one encoding per byte
// string); a parsed JWS must re-encode to what was received; prepared and one-shot signature
// verification must agree on every key of the fixed JWKS.

#include "fuzzsupport.h"

#include "core/base64url_p.h"
#include "core/jose_p.h"
#include "core/json_p.h"
#include "core/jwks_p.h"

#include <cmath>
#include <cstring>
#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;
using nlohmann::json;

namespace {

const Jose::JsonWebKeySet &keys()
{
    static const Jose::JsonWebKeySet set = [] {
        auto parsed = Jose::JsonWebKeySet::fromJson(Fuzz::readDataFile("jwks.json"));
        require(parsed.ok(), "data/jwks.json parses");
        return *parsed;
    }();
    return set;
}

// What readTopLevelMembers should report for a DOM value.
Jose::JsonMember expectedMember(const json *value)
{
    using Type = Jose::JsonMember::Type;
    Jose::JsonMember m;
    if (!value)
        return m;
    if (value->is_string()) {
        m.type = Type::String;
        m.string = value->get<std::string>();
    } else if (value->is_number()) {
        m.number = value->get<double>();
        m.type = std::isfinite(m.number) ? Type::Number : Type::Other;
    } else if (value->is_array()) {
        m.type = Type::StringArray;
        for (const json &item : *value) {
            if (!item.is_string()) {
                m.type = Type::Other;
                m.strings.clear();
                break;
            }
            m.strings.push_back(item.get<std::string>());
        }
    } else {
        m.type = Type::Other;
    }
    return m;
}

void checkJsonReaders(QByteArrayView text)
{
    static const char *const names[] = {"alg", "kid", "aud", "exp", "crit", ""};
    constexpr std::size_t count = sizeof names / sizeof *names;
    Jose::JsonMember members[count];
    const bool fast = Jose::readTopLevelMembers(text, names, members, count);
    const auto dom = Jose::parseStrictJsonObject(text);
    require(fast == dom.has_value(), "readTopLevelMembers and parseStrictJsonObject accept the same texts");
    // A raw NUL byte is never valid in JSON text (not whitespace; escaped inside strings), and
    // nlohmann/json's lexer takes it for the end of input: "{...}\0anything" would be read as
    // "{...}" with the rest silently ignored, against "rejects trailing data".
    if (!text.isEmpty() && std::memchr(text.data(), 0, std::size_t(text.size())))
        require(!fast && !dom, "a JSON text containing a NUL byte is refused (trailing data after NUL)");
    if (dom) {
        require(dom->is_object(), "parseStrictJsonObject returns an object");
        for (std::size_t i = 0; i < count; ++i) {
            const auto it = dom->find(names[i]);
            const Jose::JsonMember want = expectedMember(it == dom->end() ? nullptr : &*it);
            const Jose::JsonMember &got = members[i];
            require(got.type == want.type, "readTopLevelMembers reports the member type the DOM has");
            if (want.type == Jose::JsonMember::Type::String)
                require(got.string == want.string, "readTopLevelMembers reports the string the DOM has");
            if (want.type == Jose::JsonMember::Type::Number)
                require(got.number == want.number, "readTopLevelMembers reports the number the DOM has");
            if (want.type == Jose::JsonMember::Type::StringArray)
                require(got.strings == want.strings, "readTopLevelMembers reports the array the DOM has");
        }
        // Strict JSON is a subset of what the lenient reader for endpoint responses takes.
        const QByteArray bytes = text.toByteArray();
        if (bytes.size() <= Internal::Json::kDefaultMaxBytes) {
            const auto lenient = Internal::Json::parseObject(bytes);
            require(lenient.has_value(), "a strict JSON object is also accepted by Json::parseObject");
            require(*lenient == *dom, "both JSON readers build the same document");
        }
    }
}

void checkLenientReader(const QByteArray &bytes)
{
    if (bytes.size() > Internal::Json::kDefaultMaxBytes || !bytes.contains('\0'))
        return;
    require(!Internal::Json::parseObject(bytes).has_value(),
            "Json::parseObject refuses a text containing a NUL byte (trailing data after NUL)");
}

void checkBase64Url(QByteArrayView text)
{
    const auto decoded = Jose::base64UrlDecode(text);
    require(decoded.has_value() == Jose::isBase64Url(text), "isBase64Url agrees with base64UrlDecode");
    if (decoded) {
        require(decoded->size() == Jose::base64UrlDecodedLength(text.size()), "decoded length as announced");
        require(Jose::base64UrlEncode(*decoded) == text, "canonical base64url: decoding then encoding is identity");
    }
    const QByteArray encoded = Jose::base64UrlEncode(text);
    const auto back = Jose::base64UrlDecode(encoded);
    require(back && *back == text, "encoding then decoding is identity");
    require(encoded == text.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            "base64UrlEncode matches Qt's base64url");
}

void checkCompact(const QByteArray &input)
{
    const auto jws = Jose::CompactJws::parse(input);
    if (!jws) {
        require(jws.error().isError(), "a refused JWS carries an error");
        return;
    }
    require(jws->algorithm() != Jose::Algorithm::Unsupported, "a parsed JWS has a supported alg");
    require(jws->compact() == input, "compact() is the input");
    require(input.startsWith(jws->signingInput().toByteArray() + '.'), "the signing input is the first two segments");
    const QByteArray rebuilt = jws->signingInput().toByteArray() + '.' + Jose::base64UrlEncode(jws->signature());
    require(rebuilt == input, "the signature re-encodes to its segment");
    const qsizetype dot = jws->signingInput().indexOf('.');
    require(Jose::base64UrlEncode(jws->payload()) == jws->signingInput().sliced(dot + 1),
            "the payload re-encodes to its segment");
    if (jws->header().kid)
        require(jws->header().kid->size() <= Jose::kMaxKidBytes, "kid within its limit");

    // Both verification paths must agree, for every key of the set (key types that do not fit
    // the algorithm included: both must refuse those).
    const auto &set = keys();
    for (qsizetype i = 0; i < set.size(); ++i) {
        const Jose::JsonWebKey &key = set.at(i);
        const bool prepared = key.verify(jws->algorithm(), jws->signingInput(), jws->signature());
        const bool oneShot = key.fits(jws->algorithm())
            && Jose::verifySignature(jws->algorithm(), key.evpKey(), jws->signingInput(), jws->signature());
        require(prepared == oneShot, "prepared and one-shot verification agree");
    }
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{
    checkCompact(input);
    checkJsonReaders(input);
    checkLenientReader(input);
    checkBase64Url(input);
    // A base64url segment that decodes is the header or payload JSON of some token.
    if (const auto decoded = Jose::base64UrlDecode(input))
        checkJsonReaders(*decoded);
}

} // namespace

CONCIERGE_FUZZ_TARGET([] { (void)keys(); }, fuzzOne)
