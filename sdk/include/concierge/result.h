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
    Result(const T &value) : m_v(value) {}
    Result(T &&value) : m_v(std::move(value)) {}
    Result(const Error &error) : m_v(error) {}
    Result(Error &&error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
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
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    Error error() const { return m_error; }

private:
    Error m_error;
};

} // namespace Concierge
