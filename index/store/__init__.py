"""The index on disk: the Whoosh schema, published generations, models as Whoosh documents."""
