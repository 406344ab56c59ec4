# Registers ctest consumer.install (included from tests/CMakeLists.txt): installs the built tree to a
# temp prefix and builds + runs tests/consumer against it (see run.sh).
add_test(NAME consumer.install
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/run.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(consumer.install PROPERTIES LABELS "consumer" TIMEOUT 600)
if(NODE_EXECUTABLE)
    set_property(TEST consumer.install PROPERTY ENVIRONMENT "CONCIERGE_NODE=${NODE_EXECUTABLE}")
endif()
