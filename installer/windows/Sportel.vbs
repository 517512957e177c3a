' Sportel - Sporteli: starts Sportel.bat without a console window (use this one for the desktop shortcut).
Set shell = CreateObject("WScript.Shell")
here = CreateObject("Scripting.FileSystemObject").GetParentFolderName(WScript.ScriptFullName)
shell.Run """" & here & "\Sportel.bat""", 0, False
