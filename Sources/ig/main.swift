import IGCommands

await IGCommand.runAsRoot()
