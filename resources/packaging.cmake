# CPack: `cpack -G DEB` in the build folder makes shmscope_<version>_<arch>.deb from the install rules.
# Included from the end of the root CMakeLists.txt, after every install() rule exists.

set(CPACK_PACKAGE_NAME shmscope)
set(CPACK_PACKAGE_VENDOR "ShmScope developers")
# Packagers set their own name and address: cmake -DSHMSCOPE_PACKAGE_MAINTAINER="Name <mail>".
set(SHMSCOPE_PACKAGE_MAINTAINER "ShmScope maintainers <maintainers@users.noreply.h-seed-56eb6549.example>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${SHMSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
# The build type is RelWithDebInfo; the package ships the programs without their debug sections.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The summary above is the Debian synopsis line; this is the paragraph under it.
set(CPACK_PACKAGE_DESCRIPTION
    "ShmScope makes POSIX shared memory visible live: every segment in /dev/shm with\n\
the processes that map it, a segment's bytes decoded as typed fields, and worker\n\
processes racing on a counter with and without a lock. shmscope-cli does the\n\
same from scripts.")
# Depends: computed from the binaries' shared libraries by dpkg-shlibdeps (packages dpkg-dev and file).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: the SVG icon engine (libqt6svg6), and a CJK font
# so that the Chinese interface never renders as boxes.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")

# Debian policy wants the licence at /usr/share/doc/<package>/copyright.
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/shmscope RENAME copyright)
endif()

include(CPack)
