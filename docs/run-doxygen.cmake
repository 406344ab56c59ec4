# ctest docs.reference: runs Doxygen over the public headers and fails on any warning.
#   cmake -DDOXYGEN=<path> -DDOXYFILE=<configured Doxyfile> -DOUTPUT=<dir> -P run-doxygen.cmake
# The warnings are also in <dir>/doxygen-warnings.log; the HTML is in <dir>/html.
if(NOT DOXYGEN OR NOT EXISTS "${DOXYGEN}")
    message(FATAL_ERROR "docs.reference: doxygen was not found (Debian package `doxygen`; ./scripts/bootstrap installs it)")
endif()
file(REMOVE_RECURSE "${OUTPUT}/html")
file(MAKE_DIRECTORY "${OUTPUT}")
file(REMOVE "${OUTPUT}/doxygen-warnings.log")
execute_process(COMMAND "${DOXYGEN}" "${DOXYFILE}"
    WORKING_DIRECTORY "${OUTPUT}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(warnings "")
if(EXISTS "${OUTPUT}/doxygen-warnings.log")
    file(READ "${OUTPUT}/doxygen-warnings.log" warnings)
endif()
string(STRIP "${warnings}${err}" problems)
if(NOT rc EQUAL 0 OR NOT problems STREQUAL "")
    message("${out}")
    message(FATAL_ERROR "docs.reference: Doxygen reported problems (exit ${rc}). Every public symbol needs a "
                        "//! or /*! */ comment, and every reference must resolve:\n${problems}")
endif()
if(NOT EXISTS "${OUTPUT}/html/index.html")
    message(FATAL_ERROR "docs.reference: no ${OUTPUT}/html/index.html was written")
endif()
file(GLOB pages "${OUTPUT}/html/*.html")
list(LENGTH pages page_count)
message("docs.reference: 0 warnings, ${page_count} pages in ${OUTPUT}/html")
