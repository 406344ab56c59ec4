# i18n.complete (label i18n): the SDK's .ts files are complete and current for every language
# (tests/i18n/check-translations.py; CONCIERGE_TS_FILES and CONCIERGE_LUPDATE_ARGS come from
# sdk/translations/translations.cmake).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
    add_test(NAME i18n.complete
        COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check-translations.py
                $<TARGET_FILE:Qt6::lupdate> ${CONCIERGE_TS_FILES} -- ${CONCIERGE_LUPDATE_ARGS}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
else()
    add_test(NAME i18n.complete COMMAND ${CMAKE_COMMAND} -E false) # fails: python3 is required
endif()
set_tests_properties(i18n.complete PROPERTIES LABELS "i18n" TIMEOUT 60)
