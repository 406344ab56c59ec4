# Install rules and the CMake package (find_package(Concierge)). Included once, at the end of
# sdk/CMakeLists.txt, so CONCIERGE_PUBLIC_HEADERS and the concierge_core target are known here.
#
#   <prefix>/include/concierge/*.h                      public headers + generated concierge_export.h
#   <prefix>/lib/libConciergeCore.so.<version>          with SONAME libConciergeCore.so.<major>
#   <prefix>/lib/cmake/Concierge/                       ConciergeConfig.cmake, ...ConfigVersion.cmake,
#                                                       ConciergeTargets*.cmake (Concierge::Core)
#   <prefix>/bin/concierge                              the CLI, when it is built
#   <prefix>/lib/libConciergeQml.so.<version>           Concierge::Qml (ConciergeQmlTargets.cmake)
#   <prefix>/lib/qml/Concierge/                         the QML module: qmldir, Concierge.qmltypes,
#                                                       libconcierge_qmlplugin.so (an import path:
#                                                       QQmlEngine::addImportPath or QML_IMPORT_PATH)
#
# Components: Concierge_Runtime (library, CLI) and Concierge_Development (headers, namelink, package).
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CONCIERGE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Concierge"
    CACHE STRING "Where ConciergeConfig.cmake is installed, relative to the prefix")
mark_as_advanced(CONCIERGE_INSTALL_CMAKEDIR)

# --- headers ------------------------------------------------------------------------------------
# The list in sdk/CMakeLists.txt is the contract: a header missing from it is not installed.
file(GLOB _concierge_headers_on_disk RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}"
     "${CMAKE_CURRENT_SOURCE_DIR}/include/concierge/*.h")
foreach(_header IN LISTS _concierge_headers_on_disk)
    if(NOT _header IN_LIST CONCIERGE_PUBLIC_HEADERS)
        message(AUTHOR_WARNING "${_header} is not in CONCIERGE_PUBLIC_HEADERS: it will not be installed")
    endif()
endforeach()
unset(_concierge_headers_on_disk)

list(TRANSFORM CONCIERGE_PUBLIC_HEADERS PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/"
     OUTPUT_VARIABLE _concierge_header_paths)
install(FILES ${_concierge_header_paths}
              "${CMAKE_CURRENT_BINARY_DIR}/include/concierge/concierge_export.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/concierge"
        COMPONENT Concierge_Development)
unset(_concierge_header_paths)

# --- library and exported targets -----------------------------------------------------------------
# Concierge::Core is a shared library: its PRIVATE dependencies (OpenSSL, QtKeychain, nlohmann/json,
# libqrencode) are not part of its link interface, so the export names only Qt6::Core/Gui/Network.
# The installed include directory comes from the target's own $<INSTALL_INTERFACE:include>.
install(TARGETS concierge_core
        EXPORT ConciergeTargets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Concierge_Runtime
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT Concierge_Runtime
                NAMELINK_COMPONENT Concierge_Development
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT Concierge_Development)

install(EXPORT ConciergeTargets
        NAMESPACE Concierge::
        FILE ConciergeTargets.cmake
        DESTINATION "${CONCIERGE_INSTALL_CMAKEDIR}"
        COMPONENT Concierge_Development)

# --- package configuration ------------------------------------------------------------------------
# Components offered by this installation (the config file loops over them). Qml is installed by
# concierge_install_qml() below, called from sdk/qml/CMakeLists.txt.
set(CONCIERGE_PACKAGE_COMPONENTS Core)
if(CONCIERGE_BUILD_QML)
    list(APPEND CONCIERGE_PACKAGE_COMPONENTS Qml)
endif()
set(CONCIERGE_QT_MIN_VERSION 6.4)

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/ConciergeConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/cmake/ConciergeConfig.cmake"
    INSTALL_DESTINATION "${CONCIERGE_INSTALL_CMAKEDIR}"
    NO_SET_AND_CHECK_MACRO)
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/cmake/ConciergeConfigVersion.cmake"
    VERSION "${PROJECT_VERSION}"
    COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/cmake/ConciergeConfig.cmake"
              "${PROJECT_BINARY_DIR}/cmake/ConciergeConfigVersion.cmake"
        DESTINATION "${CONCIERGE_INSTALL_CMAKEDIR}"
        COMPONENT Concierge_Development)

# --- the CLI --------------------------------------------------------------------------------------
# cli/ is added after sdk/, so the `concierge` target does not exist yet: install it from a call
# deferred to the end of the top-level directory, when every subdirectory has been added.
function(_concierge_install_cli)
    if(NOT TARGET concierge)
        return()
    endif()
    # Find libConciergeCore in <prefix>/lib from <prefix>/bin in any prefix, without LD_LIBRARY_PATH.
    # (qt_standard_project_setup() usually put it in CMAKE_INSTALL_RPATH already; do not rely on it.)
    file(RELATIVE_PATH _rel "/${CMAKE_INSTALL_BINDIR}" "/${CMAKE_INSTALL_LIBDIR}")
    if(APPLE)
        set(_origin "@loader_path/${_rel}")
    else()
        set(_origin "$ORIGIN/${_rel}")
    endif()
    get_target_property(_rpath concierge INSTALL_RPATH)
    if(UNIX AND NOT _origin IN_LIST _rpath)
        set_property(TARGET concierge APPEND PROPERTY INSTALL_RPATH "${_origin}")
    endif()
    install(TARGETS concierge
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Concierge_Runtime)
endfunction()
cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL _concierge_install_cli)

# --- the QML module -------------------------------------------------------------------------------
set(CONCIERGE_INSTALL_QMLDIR "${CMAKE_INSTALL_LIBDIR}/qml"
    CACHE STRING "The QML import path the module Concierge is installed under, relative to the prefix")
mark_as_advanced(CONCIERGE_INSTALL_QMLDIR)

# Concierge::Qml (the backing library, linked by apps that use the types from C++) and the QML
# plugin with its qmldir and type information under <qmldir>/Concierge.
function(concierge_install_qml)
    install(TARGETS concierge_qml
            EXPORT ConciergeQmlTargets
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Concierge_Runtime
            LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT Concierge_Runtime
                    NAMELINK_COMPONENT Concierge_Development
            ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT Concierge_Development)
    install(EXPORT ConciergeQmlTargets
            NAMESPACE Concierge::
            FILE ConciergeQmlTargets.cmake
            DESTINATION "${CONCIERGE_INSTALL_CMAKEDIR}"
            COMPONENT Concierge_Development)
    # The plugin finds libConciergeQml in <libdir> from <libdir>/qml/Concierge in any prefix.
    set(_plugin_dir "${CONCIERGE_INSTALL_QMLDIR}/Concierge")
    file(RELATIVE_PATH _rel "/${_plugin_dir}" "/${CMAKE_INSTALL_LIBDIR}")
    if(UNIX AND NOT APPLE)
        set_property(TARGET concierge_qmlplugin APPEND PROPERTY INSTALL_RPATH "$ORIGIN/${_rel}")
    endif()
    install(TARGETS concierge_qmlplugin
            LIBRARY DESTINATION "${_plugin_dir}" COMPONENT Concierge_Runtime
            RUNTIME DESTINATION "${_plugin_dir}" COMPONENT Concierge_Runtime)
    install(FILES "${QT_QML_OUTPUT_DIRECTORY}/Concierge/qmldir"
                  "${QT_QML_OUTPUT_DIRECTORY}/Concierge/Concierge.qmltypes"
            DESTINATION "${_plugin_dir}" COMPONENT Concierge_Runtime)
endfunction()
