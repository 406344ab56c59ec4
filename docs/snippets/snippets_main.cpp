// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// concierge_doc_snippets links every snippet with Concierge::Core; it does nothing when run.
int main()
{
    return 0;
}
