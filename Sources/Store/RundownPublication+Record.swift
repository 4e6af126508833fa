import GRDB

extension RundownPublication: FetchableRecord, PersistableRecord {}
