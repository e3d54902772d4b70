# SPDX-License-Identifier: Apache-2.0
# Desktop integration and the Debian package (cpack -G DEB in the build folder).
include(GNUInstallDirs)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/org.paddock.Paddock.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/org.paddock.Paddock.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/paddock-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME paddock.xml)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/paddock.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/paddock) # Debian: /usr/share/doc/<package>

set(CPACK_PACKAGE_NAME paddock)
set(CPACK_PACKAGE_VENDOR "Paddock developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Animal pose labelling in video with point-tracker propagation")
set(CPACK_PACKAGE_CONTACT "Paddock developers <paddock@localhost>")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Shared-library dependencies are computed with dpkg-shlibdeps (Qt 6, LibTorch, OpenCV, FFmpeg, OpenBLAS).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread")
# Not found by dpkg-shlibdeps: Qt loads its platform plugin (xcb, wayland) at run time; without it the GUI cannot start.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
include(CPack)
