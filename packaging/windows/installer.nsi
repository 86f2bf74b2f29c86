; VOD Studio Windows installer (NSIS 3.08+).
; Per-user install without admin rights, Start menu entry, uninstaller, in-place upgrades.
; The user's queue, settings and logs live in %LOCALAPPDATA%\VOD Studio\vodstudio (platformdirs),
; window geometry in HKCU\Software\VOD Studio\vodstudio (QSettings), secrets in the Windows Credential
; Manager (keyring): all outside the install folder, so upgrading or reinstalling never touches them.
; The uninstaller keeps them too unless the user ticks "Also remove my queue, settings and logs"
; (Credential Manager entries stay: the app's "Remove account" deletes them).
;
; makensis /DVERSION=0.1.0 /DBUNDLE_DIR=..\..\dist\VOD Studio /DOUT_FILE=VODStudio-0.1.0-setup.exe installer.nsi
; Authenticode: /DSIGN_COMMAND="sign.cmd" signs the installer and the uninstaller (%1 = the file);
; without it the build is unsigned and says so.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP_NAME "VOD Studio"
!define APP_EXE "VOD Studio.exe"
!define CLI_EXE "vodstudio.exe"
!define PUBLISHER "VOD Studio"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\VODStudio"
!define PROFILE_DIR "$LOCALAPPDATA\VOD Studio\vodstudio"
!define QSETTINGS_KEY "Software\VOD Studio\vodstudio"
!ifndef VERSION
  !error "pass /DVERSION=x.y.z (from vodstudio/app_info.py)"
!endif
!ifndef BUNDLE_DIR
  !error "pass /DBUNDLE_DIR=<PyInstaller onedir folder>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "VODStudio-${VERSION}-setup.exe"
!endif
!ifdef SIGN_COMMAND
  ; "= 0": a failed signature stops the build instead of shipping an unsigned installer (NSIS 3.08+)
  !finalize '${SIGN_COMMAND} "%1"' = 0
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!else
  !warning "SIGN_COMMAND not defined: building an unsigned installer"
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "..\..\resources\icons\vodstudio.ico"
!define MUI_UNICON "..\..\resources\icons\vodstudio.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ; An upgrade installs into the folder of the previous version.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  StrCmp $0 "" +2
    StrCpy $INSTDIR $0
FunctionEnd

Section "!${APP_NAME}" SecMain
  SectionIn RO
  ; Close a running copy first; files in use cannot be replaced.
  nsExec::Exec 'taskkill /IM "${APP_EXE}" /F'
  ; Replace the program files of an older version (never the user's profile, which lives elsewhere).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall ${APP_NAME}.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall ${APP_NAME}.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.${APP_NAME}" UnSecMain
  SectionIn RO
  nsExec::Exec 'taskkill /IM "${APP_EXE}" /F'
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\Uninstall ${APP_NAME}.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

Section /o "un.Also remove my queue, settings and logs" UnSecData
  RMDir /r "${PROFILE_DIR}"
  RMDir "$LOCALAPPDATA\VOD Studio"
  DeleteRegKey HKCU "${QSETTINGS_KEY}"
  DeleteRegKey /ifempty HKCU "Software\VOD Studio"
SectionEnd
