changes
nl-2016
nl-2016
