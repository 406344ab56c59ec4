# The SDK's translations (issue #11): sdk/translations/concierge_<lang>.ts, maintained with Qt
# Linguist's tools and compiled into the library. Included from sdk/CMakeLists.txt once the object
# library concierge_core_objects exists.
#
#   cmake --build build --target concierge_update_translations   lupdate: new/changed strings into the .ts files
#   linguist sdk/translations/concierge_ja.ts                      translate (or edit the XML)
#   ctest -R i18n.complete                                         every entry finished, nothing stale
#
# lrelease turns each .ts into a .qm at build time; the .qm files become the resource
# ":/concierge/i18n/" (rcc, resource name concierge_i18n) inside libConciergeCore, where
# Concierge::installTranslator() and the loopback page find them.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(CONCIERGE_TS_FILES
    ${CMAKE_CURRENT_LIST_DIR}/concierge_en.ts
    ${CMAKE_CURRENT_LIST_DIR}/concierge_ja.ts)
# What lupdate reads: every SDK source. The same command is used by i18n.complete, so the check and
# the update can never disagree. -locations none keeps line numbers out of the .ts files (they would
# change with every unrelated edit).
set(CONCIERGE_LUPDATE_ARGS
    ${CMAKE_CURRENT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}/include
    -extensions cpp,h -locations none -no-ui-lines -silent)
set(CONCIERGE_LUPDATE_ARGS ${CONCIERGE_LUPDATE_ARGS} PARENT_SCOPE)
set(CONCIERGE_TS_FILES ${CONCIERGE_TS_FILES} PARENT_SCOPE)

add_custom_target(concierge_update_translations
    COMMAND Qt6::lupdate ${CONCIERGE_LUPDATE_ARGS} -ts ${CONCIERGE_TS_FILES}
    COMMENT "lupdate: sdk/translations/*.ts from the SDK's sources"
    VERBATIM)

qt_add_lrelease(concierge_core_objects
    TS_FILES ${CONCIERGE_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE _concierge_qm_files
    NO_GLOBAL_TARGET)

set(_concierge_qrc ${CMAKE_CURRENT_BINARY_DIR}/concierge_i18n.qrc)
set(_concierge_qrc_entries "")
foreach(_qm IN LISTS _concierge_qm_files)
    get_filename_component(_qm_name ${_qm} NAME)
    string(APPEND _concierge_qrc_entries "    <file alias=\"${_qm_name}\">${_qm}</file>\n")
endforeach()
file(CONFIGURE OUTPUT ${_concierge_qrc} CONTENT
     "<RCC>\n  <qresource prefix=\"/concierge/i18n\">\n${_concierge_qrc_entries}  </qresource>\n</RCC>\n")
qt_add_resources(_concierge_i18n_sources ${_concierge_qrc} OPTIONS -name concierge_i18n)
target_sources(concierge_core_objects PRIVATE ${_concierge_i18n_sources})
unset(_concierge_qrc)
unset(_concierge_qrc_entries)
