# A "cross" toolchain that only renames the compiler: enough for CMake to set CMAKE_CROSSCOMPILING.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_CXX_COMPILER "${CMAKE_CURRENT_LIST_DIR}/bin/x86_64-target-linux-g++")
