// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>

#include <utility>
#include <variant>

namespace Concierge {

/*!
  A value or an Error: what every pure step of the data flow returns.
  \code
  const auto metadata = ProviderMetadata::fromJson(body, config.issuer());
  if (!metadata)
      return finish(metadata.error());
  use(*metadata);
  \endcode
*/
template<typename T>
class Result
{
public:
    //! A successful result holding a copy of \a value.
    Result(const T &value) : m_v(value) {}
    //! A successful result holding \a value (moved).
    Result(T &&value) : m_v(std::move(value)) {}
    //! A failed result carrying \a error.
    Result(const Error &error) : m_v(error) {}
    //! A failed result carrying \a error (moved).
    Result(Error &&error) : m_v(std::move(error)) {}

    //! True when the result holds a value.
    bool ok() const { return m_v.index() == 0; }
    //! Same as ok().
    explicit operator bool() const { return ok(); }

    //! The value. Only call when ok(); otherwise it throws std::bad_variant_access.
    const T &value() const & { return std::get<0>(m_v); }
    //! The value, modifiable. Only call when ok().
    T &value() & { return std::get<0>(m_v); }
    //! The value, moved out of a temporary result. Only call when ok().
    T &&value() && { return std::get<0>(std::move(m_v)); }
    //! Same as value().
    const T &operator*() const & { return value(); }
    //! Same as value().
    T &operator*() & { return value(); }
    //! Member access to the value. Only use when ok().
    const T *operator->() const { return &value(); }
    //! Member access to the value. Only use when ok().
    T *operator->() { return &value(); }

    //! The error; a default (None) Error when ok().
    Error error() const { return ok() ? Error() : std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

//! Result of an operation that yields nothing but may fail.
template<>
class Result<void>
{
public:
    //! A successful result.
    Result() = default;
    //! A failed result carrying \a error (an Error with code None means success).
    Result(const Error &error) : m_error(error) {}
    //! True when the operation succeeded.
    bool ok() const { return !m_error.isError(); }
    //! Same as ok().
    explicit operator bool() const { return ok(); }
    //! The error; a default (None) Error when ok().
    Error error() const { return m_error; }

private:
    Error m_error;
};

} // namespace Concierge
