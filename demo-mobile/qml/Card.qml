// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick

Rectangle {
    default property alias content: column.data
    property alias spacing: column.spacing
    property int padding: 18
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.line
    border.width: 1
    implicitHeight: column.implicitHeight + padding * 2
    Column {
        id: column
        x: parent.padding
        y: parent.padding
        width: parent.width - parent.padding * 2
        spacing: 10
    }
}
