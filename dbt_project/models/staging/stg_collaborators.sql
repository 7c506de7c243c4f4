with

source as (

    select * from {{ source('validated', 'collaborators') }}

),

renamed as (

    select
        collaborator_id,
        function as job_function,
        country_code,
        home_locality

    from source

)

select * from renamed
